package dev.ntg.eval.ranking;

/** Precision@K: relevant items in the top K over K (a list shorter than K is not rewarded for it). */
public final class Precision implements RankingMetric {
    private final int k;

    public Precision(int k) {
        this.k = RankingMetric.checkK(k);
    }

    @Override
    public String name() {
        return "precision@" + k;
    }

    @Override
    public double score(int[] ranked, RelevantSet relevant) {
        return (double) Hits.count(ranked, relevant, k) / k;
    }
}
