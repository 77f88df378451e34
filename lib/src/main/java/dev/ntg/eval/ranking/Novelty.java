package dev.ntg.eval.ranking;

/**
 * Novelty@K: mean over users of the mean self-information −log2(pop(i) / users) of their top K, where pop(i) is
 * the item's distinct TRAIN users and users the TRAIN user count. Higher: less obvious recommendations.
 */
public final class Novelty extends MeanItemValue {
    private final long[] popularity;
    private final double users;

    public Novelty(int k, long[] popularity, long users) {
        super("novelty", k);
        this.popularity = popularity;
        this.users = users;
    }

    @Override
    double value(int item) {
        return -Math.log(Math.max(popularity[item], 1) / users) / Math.log(2);
    }
}
