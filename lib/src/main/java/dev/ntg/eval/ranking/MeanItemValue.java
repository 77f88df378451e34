package dev.ntg.eval.ranking;

/**
 * A beyond-accuracy metric of the form "mean over users of the mean per-item value of their top K" (average
 * popularity, novelty): the list walk and averaging live here, each metric supplies only the per-item value.
 */
abstract class MeanItemValue implements ListMetric {
    private final int k;
    private final String name;
    private double sum;
    private int lists;

    MeanItemValue(String name, int k) {
        this.k = RankingMetric.checkK(k);
        this.name = name;
    }

    /** The value of one recommended item. */
    abstract double value(int item);

    @Override
    public final String name() {
        return name + "@" + k;
    }

    @Override
    public final void accept(int[] ranked) {
        int[] top = ListMetric.top(ranked, k);
        lists++;
        if (top.length == 0) return;
        double s = 0;
        for (int i : top) s += value(i);
        sum += s / top.length;
    }

    @Override
    public final double result() {
        if (lists == 0) throw new IllegalStateException("no lists");
        return sum / lists;
    }
}
