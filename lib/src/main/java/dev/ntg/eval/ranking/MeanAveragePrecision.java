package dev.ntg.eval.ranking;

/**
 * MAP@K (per user: AP@K): Σ_{r ≤ K, item r relevant} Precision@r, divided by min(|R|, K); the mean over users
 * is the MAP. 0 when the user has no relevant item.
 */
public final class MeanAveragePrecision implements RankingMetric {
    private final int k;

    public MeanAveragePrecision(int k) {
        this.k = RankingMetric.checkK(k);
    }

    @Override
    public String name() {
        return "map@" + k;
    }

    @Override
    public double score(int[] ranked, RelevantSet relevant) {
        if (relevant.size() == 0) return 0;
        int n = Math.min(k, ranked.length);
        int hits = 0;
        double sum = 0;
        for (int r = 1; r <= n; r++) {
            if (relevant.contains(ranked[r - 1])) {
                hits++;
                sum += (double) hits / r;
            }
        }
        return sum / Math.min(relevant.size(), k);
    }
}
