package dev.ntg.report.notebook;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/**
 * How the notebook tables show numbers from the stage reports: an interval as {@code 0.951 [0.940, 0.960]}, a value
 * the report left null (not finite, or not computed for that model) as a dash, and every number in {@link Locale#ROOT}
 * so an executed notebook reads the same on every machine.
 */
final class ReportValues {
    /** What a cell shows for a value the report does not hold. */
    static final String NONE = "—";

    private ReportValues() {
    }

    /** {@code estimate [lower, upper]} of a report interval object, {@link #NONE} when it has no estimate. */
    static String interval(JsonNode interval, int decimals) {
        String estimate = number(interval.path("estimate"), decimals);
        if (estimate.equals(NONE)) return NONE;
        JsonNode lo = interval.path("lower");
        JsonNode hi = interval.path("upper");
        if (!lo.isNumber() || !hi.isNumber()) return estimate;
        return estimate + " [" + number(lo, decimals) + ", " + number(hi, decimals) + "]";
    }

    /** Just the bracket of an interval object: {@code [lower, upper]}. */
    static String bounds(JsonNode lower, JsonNode upper, int decimals) {
        return "[" + number(lower, decimals) + ", " + number(upper, decimals) + "]";
    }

    /** A number with a fixed count of decimals, {@link #NONE} for a missing or null one. */
    static String number(JsonNode n, int decimals) {
        return n.isNumber() ? format(n.asDouble(), decimals) : NONE;
    }

    static String format(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,." + decimals + "f", v) : NONE;
    }

    /** The report's number, NaN when missing or null. */
    static double value(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    /** Whether an interval lies wholly above zero (+1), wholly below (−1), or contains it (0); 0 also when missing. */
    static int sign(JsonNode interval) {
        double lo = value(interval.path("lower"));
        double hi = value(interval.path("upper"));
        if (lo > 0) return 1;
        if (hi < 0) return -1;
        return 0;
    }
}
