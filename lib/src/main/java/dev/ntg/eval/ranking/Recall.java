package dev.ntg.eval.ranking;

/** Recall@K: relevant items in the top K over all relevant items |R| (cold-start items included). */
public final class Recall implements RankingMetric {
    private final int k;

    public Recall(int k) {
        this.k = RankingMetric.checkK(k);
    }

    @Override
    public String name() {
        return "recall@" + k;
    }

    @Override
    public double score(int[] ranked, RelevantSet relevant) {
        if (relevant.size() == 0) return 0;
        return (double) Hits.count(ranked, relevant, k) / relevant.size();
    }
}
