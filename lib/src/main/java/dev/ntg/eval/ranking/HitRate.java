package dev.ntg.eval.ranking;

/** HitRate@K: 1 when at least one relevant item is in the top K, else 0. */
public final class HitRate implements RankingMetric {
    private final int k;

    public HitRate(int k) {
        this.k = RankingMetric.checkK(k);
    }

    @Override
    public String name() {
        return "hit_rate@" + k;
    }

    @Override
    public double score(int[] ranked, RelevantSet relevant) {
        return Hits.count(ranked, relevant, k) > 0 ? 1 : 0;
    }
}
