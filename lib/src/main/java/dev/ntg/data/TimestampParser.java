package dev.ntg.data;

import dev.ntg.io.Sql;

/**
 * SQL expressions that turn a source's timestamp text into a UTC {@code TIMESTAMP}, or NULL when it cannot be
 * parsed (so the row is rejected with a reason instead of failing the whole load).
 * Formats: {@code auto} (a number is epoch seconds, anything else ISO-8601), {@code epoch_seconds},
 * {@code epoch_millis}, {@code iso}, or a strptime pattern.
 */
final class TimestampParser {
    /** Epoch values beyond this are not real event times and would overflow DuckDB's conversion. */
    private static final String MAX_EPOCH_SECONDS = "1e11";

    private TimestampParser() {
    }

    /** @param text a SQL expression of type VARCHAR */
    static String fromText(String format, String text) {
        String t = "trim(" + text + ")";
        return switch (format) {
            case "epoch_seconds" -> epoch(t, 1);
            case "epoch_millis" -> epoch(t, 1000);
            case "iso" -> iso(t);
            case "auto" -> "(CASE WHEN regexp_full_match(" + t + ", '[-+]?[0-9]+(\\.[0-9]*)?') THEN " + epoch(t, 1)
                    + " ELSE " + iso(t) + " END)";
            default -> "try_strptime(" + t + ", " + Sql.literal(format) + ")::TIMESTAMP";
        };
    }

    /** @param numeric a SQL expression of a numeric type holding epoch seconds (or millis) */
    static String fromNumber(String format, String numeric) {
        return epochOf("CAST(" + numeric + " AS DOUBLE)", format.equals("epoch_millis") ? 1000 : 1);
    }

    private static String epoch(String text, int perSecond) {
        return epochOf("TRY_CAST(" + text + " AS DOUBLE)", perSecond);
    }

    private static String epochOf(String seconds, int perSecond) {
        String s = perSecond == 1 ? seconds : "(" + seconds + " / " + perSecond + ")";
        return "(CASE WHEN abs(" + s + ") < " + MAX_EPOCH_SECONDS + " THEN to_timestamp(" + s + ")::TIMESTAMP END)";
    }

    private static String iso(String text) {
        return "TRY_CAST(" + text + " AS TIMESTAMPTZ)::TIMESTAMP";
    }
}
