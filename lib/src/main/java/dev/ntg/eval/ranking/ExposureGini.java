package dev.ntg.eval.ranking;

import java.util.Arrays;

/**
 * Gini of exposure@K: inequality of how often each catalog item appears in the users' top K, over the whole
 * catalog (never-shown items count as zero exposure). 0: every item shown equally often; near 1: a few items
 * take all the slots. G = Σ_i (2i − n − 1) x_(i) / (n Σ x), with x sorted ascending, i = 1..n.
 */
public final class ExposureGini implements ListMetric {
    private final int k;
    private final long[] exposure;
    private int lists;

    public ExposureGini(int k, int catalogSize) {
        this.k = RankingMetric.checkK(k);
        if (catalogSize <= 0) throw new IllegalArgumentException("empty catalog");
        exposure = new long[catalogSize];
    }

    @Override
    public String name() {
        return "gini@" + k;
    }

    @Override
    public void accept(int[] ranked) {
        lists++;
        for (int i : ListMetric.top(ranked, k)) exposure[i]++;
    }

    @Override
    public double result() {
        if (lists == 0) throw new IllegalStateException("no lists");
        return gini(exposure);
    }

    static double gini(long[] counts) {
        long[] x = counts.clone();
        Arrays.sort(x);
        int n = x.length;
        double total = 0, weighted = 0;
        for (int i = 0; i < n; i++) {
            total += x[i];
            weighted += (2.0 * (i + 1) - n - 1) * x[i];
        }
        return total == 0 ? 0 : weighted / (n * total);
    }
}
