package dev.ntg.eval.ranking;

/**
 * Novelty@K: mean over users of the mean self-information −log2(pop(i) / users) of their top K, where pop(i) is
 * the item's distinct TRAIN users and users the TRAIN user count. Higher: less obvious recommendations.
 */
public final class Novelty implements ListMetric {
    private final int k;
    private final long[] popularity;
    private final double users;
    private double sum;
    private int lists;

    public Novelty(int k, long[] popularity, long users) {
        this.k = RankingMetric.checkK(k);
        this.popularity = popularity;
        this.users = users;
    }

    @Override
    public String name() {
        return "novelty@" + k;
    }

    @Override
    public void accept(int[] ranked) {
        int[] top = ListMetric.top(ranked, k);
        lists++;
        if (top.length == 0) return;
        double s = 0;
        for (int i : top) s += -Math.log(Math.max(popularity[i], 1) / users) / Math.log(2);
        sum += s / top.length;
    }

    @Override
    public double result() {
        if (lists == 0) throw new IllegalStateException("no lists");
        return sum / lists;
    }
}
