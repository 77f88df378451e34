package dev.ntg.features;

import dev.ntg.run.TrainView;

/**
 * The time windows features look at, all ending at the train cutoff: SQL bounds plus the words the manifest uses.
 */
final class Windows {
    private final String asOf;

    Windows(TrainView train) {
        this.asOf = FeatureSql.timestamp(train.cutoff());
    }

    /** The cutoff as a TIMESTAMP literal. */
    String asOf() {
        return asOf;
    }

    /** Predicate for {@code ts} in the last {@code days} days of TRAIN. */
    String last(String ts, int days) {
        return ts + " >= " + FeatureSql.daysBefore(asOf, days);
    }

    /** Predicate for {@code ts} in the {@code days} days before the last {@code days} days. */
    String previous(String ts, int days) {
        return ts + " >= " + FeatureSql.daysBefore(asOf, 2 * days) + " AND " + ts + " < " + FeatureSql.daysBefore(asOf, days);
    }

    static String lastWords(int days) {
        return "[as_of - " + days + " d, as_of)";
    }

    static String previousWords(int days) {
        return "[as_of - " + 2 * days + " d, as_of - " + days + " d)";
    }
}
