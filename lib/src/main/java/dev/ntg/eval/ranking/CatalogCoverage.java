package dev.ntg.eval.ranking;

/** Catalog coverage@K: distinct items shown in any user's top K over the catalog size. */
public final class CatalogCoverage implements ListMetric {
    private final int k;
    private final boolean[] shown;
    private int distinct, lists;

    public CatalogCoverage(int k, int catalogSize) {
        this.k = RankingMetric.checkK(k);
        if (catalogSize <= 0) throw new IllegalArgumentException("empty catalog");
        shown = new boolean[catalogSize];
    }

    @Override
    public String name() {
        return "coverage@" + k;
    }

    @Override
    public void accept(int[] ranked) {
        lists++;
        for (int i : ListMetric.top(ranked, k)) if (!shown[i]) {
            shown[i] = true;
            distinct++;
        }
    }

    @Override
    public double result() {
        if (lists == 0) throw new IllegalStateException("no lists");
        return (double) distinct / shown.length;
    }
}
