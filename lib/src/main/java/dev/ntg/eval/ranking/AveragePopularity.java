package dev.ntg.eval.ranking;

/** Average recommendation popularity@K: mean over users of the mean TRAIN popularity (distinct users) of their top K. */
public final class AveragePopularity implements ListMetric {
    private final int k;
    private final long[] popularity;
    private double sum;
    private int lists;

    public AveragePopularity(int k, long[] popularity) {
        this.k = RankingMetric.checkK(k);
        this.popularity = popularity;
    }

    @Override
    public String name() {
        return "avg_popularity@" + k;
    }

    @Override
    public void accept(int[] ranked) {
        int[] top = ListMetric.top(ranked, k);
        lists++;
        if (top.length == 0) return;
        double s = 0;
        for (int i : top) s += popularity[i];
        sum += s / top.length;
    }

    @Override
    public double result() {
        if (lists == 0) throw new IllegalStateException("no lists");
        return sum / lists;
    }
}
