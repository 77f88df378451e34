package dev.ntg.features;

import dev.ntg.io.Sql;

import java.time.Instant;

/**
 * SQL fragments the feature builders share, so that a definition (a day, a mean, the popular head) is written
 * once. Means and variances come from exact sums: DuckDB adds doubles in whatever order its threads finish, which
 * can change the last bit between runs, whereas sums of integers or {@code DECIMAL(38,10)} do not depend on order.
 * Values are therefore rounded to 1e-10 before they are summed (|value| must stay below 1e14).
 */
final class FeatureSql {
    /** Microseconds per day, as a DOUBLE literal so that divisions are floating point. */
    private static final String DAY_US = "86400000000.0";
    private static final String EXACT = "DECIMAL(38,10)";

    private FeatureSql() {
    }

    /** A DuckDB TIMESTAMP literal (UTC) for an instant. */
    static String timestamp(Instant instant) {
        return Sql.literal(instant.toString()) + "::TIMESTAMPTZ::TIMESTAMP";
    }

    /** Days from {@code from} to {@code to} (TIMESTAMP expressions), as a DOUBLE with microsecond resolution. */
    static String daysBetween(String from, String to) {
        return "((epoch_us(" + to + ") - epoch_us(" + from + ")) / " + DAY_US + ")";
    }

    /** A duration in microseconds expressed in days. */
    static String usToDays(String micros) {
        return "(" + micros + " / " + DAY_US + ")";
    }

    /** The instant {@code days} days before {@code ts} (a TIMESTAMP expression). */
    static String daysBefore(String ts, int days) {
        return "(" + ts + " - INTERVAL " + days + " DAY)";
    }

    /**
     * Aggregates for an exact mean of column {@code value}: {@code <p>_n} (non-null values) and {@code <p>_sum}.
     */
    static String valueSums(String value, String prefix) {
        return "count(" + value + ") AS " + prefix + "_n, sum(CAST(" + value + " AS " + EXACT + ")) AS " + prefix + "_sum";
    }

    /** {@link #valueSums} plus {@code <p>_sq}, the exact sum of squares, for a variance. */
    static String valueSumsAndSquares(String value, String prefix) {
        return valueSums(value, prefix) + ", sum(CAST(" + value + " * " + value + " AS " + EXACT + ")) AS " + prefix + "_sq";
    }

    /** Mean from {@link #valueSums}; NULL when there are no values. */
    static String mean(String prefix) {
        return "(CAST(" + prefix + "_sum AS DOUBLE) / nullif(" + prefix + "_n, 0))";
    }

    /**
     * Population variance from {@link #valueSums}, E[x²] − E[x]², clamped at 0 against rounding; NULL without values
     * (explicitly: DuckDB's {@code greatest} skips NULL arguments).
     */
    static String variance(String prefix) {
        return "(CASE WHEN " + prefix + "_n > 0 THEN greatest(CAST(" + prefix + "_sq AS DOUBLE) / " + prefix + "_n - pow("
                + mean(prefix) + ", 2), 0) END)";
    }

    /** The mean of a numeric column, exact up to the 1e-10 rounding (for manifest summaries). */
    static String exactMean(String column) {
        return "(CAST(sum(CAST(" + column + " AS " + EXACT + ")) AS DOUBLE) / nullif(count(" + column + "), 0))";
    }

    /** Trend between two event counts: ln((recent + 1) / (prior + 1)); 0 is flat, +ln 2 roughly doubling. */
    static String logTrend(String recent, String prior) {
        return "ln((" + recent + " + 1.0) / (" + prior + " + 1.0))";
    }
}
