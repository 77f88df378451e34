package dev.ntg.eval.ranking;

/**
 * NDCG@K with binary gains: DCG = Σ_{r ≤ K, item r relevant} 1 / log2(r + 1), divided by the DCG of an ideal list
 * holding min(|R|, K) relevant items. 0 when the user has no relevant item.
 */
public final class Ndcg implements RankingMetric {
    private final int k;
    private final double[] discount;
    private final double[] ideal;

    public Ndcg(int k) {
        this.k = RankingMetric.checkK(k);
        discount = new double[k + 1];
        ideal = new double[k + 1];
        for (int r = 1; r <= k; r++) {
            discount[r] = 1.0 / (Math.log(r + 1) / Math.log(2));
            ideal[r] = ideal[r - 1] + discount[r];
        }
    }

    @Override
    public String name() {
        return "ndcg@" + k;
    }

    @Override
    public double score(int[] ranked, RelevantSet relevant) {
        if (relevant.size() == 0) return 0;
        double dcg = 0;
        int n = Math.min(k, ranked.length);
        for (int r = 1; r <= n; r++) if (relevant.contains(ranked[r - 1])) dcg += discount[r];
        return dcg / ideal[Math.min(relevant.size(), k)];
    }
}
