package dev.ntg.eval.ranking;

/** Average recommendation popularity@K: mean over users of the mean TRAIN popularity (distinct users) of their top K. */
public final class AveragePopularity extends MeanItemValue {
    private final long[] popularity;

    public AveragePopularity(int k, long[] popularity) {
        super("avg_popularity", k);
        this.popularity = popularity;
    }

    @Override
    double value(int item) {
        return popularity[item];
    }
}
