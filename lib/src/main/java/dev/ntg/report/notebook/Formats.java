package dev.ntg.report.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Number formats for notebook tables and sentences, and report numbers into table columns. Fixed to
 * {@link Locale#ROOT}, not the kernel's default locale (Tablesaw's own formatters use it), so a notebook re-executed
 * on another machine prints the same characters.
 */
final class Formats {
    private static final DecimalFormatSymbols ROOT = DecimalFormatSymbols.getInstance(Locale.ROOT);

    private Formats() {
    }

    /** {@code digits} decimals, e.g. 0.176 for 3. */
    static NumberColumnFormatter fixed(int digits) {
        return new NumberColumnFormatter(new DecimalFormat(digits == 0 ? "0" : "0." + "0".repeat(digits), ROOT));
    }

    /** {@code digits} decimals with thousands grouping, e.g. 12,354.49 for 2. */
    static NumberColumnFormatter grouped(int digits) {
        return new NumberColumnFormatter(new DecimalFormat("#,##0" + (digits > 0 ? "." + "0".repeat(digits) : ""), ROOT));
    }

    /** A share as a percentage with {@code digits} decimals, e.g. 24.0% for 0.24 and 1. */
    static NumberColumnFormatter percent(int digits) {
        return new NumberColumnFormatter(new DecimalFormat(digits == 0 ? "0%" : "0." + "0".repeat(digits) + "%", ROOT));
    }

    /** The column printed with fixed decimals: {@code 0.382}. */
    static <C extends NumericColumn<?>> C decimals(C column, int digits) {
        column.setPrintFormatter(fixed(digits));
        return column;
    }

    /** The column printed as percentages: 0.2175 prints {@code 21.8%} with one digit. */
    static <C extends NumericColumn<?>> C percent(C column, int digits) {
        column.setPrintFormatter(percent(digits));
        return column;
    }

    /** A setting's value as written in a sentence: {@code 5} rather than {@code 5.00}, {@code 0.25} as is. */
    static String number(double value) {
        return new DecimalFormat("0.###", ROOT).format(value);
    }

    /**
     * A report interval ({@code estimate}, {@code low}, {@code high}) as {@code 0.176 [0.168, 0.184]}; signed
     * ({@code +0.010 [+0.004, +0.016]}) for differences. Without resamples the report has no bounds: the estimate alone.
     */
    static String interval(JsonNode i, boolean signed) {
        if (i == null || !i.path("estimate").isNumber()) return "n/a";
        String f = signed ? "%+.3f" : "%.3f";
        String est = String.format(Locale.ROOT, f, i.path("estimate").asDouble());
        if (!i.path("low").isNumber() || !i.path("high").isNumber()) return est + " (no interval)";
        return est + " [" + String.format(Locale.ROOT, f, i.path("low").asDouble()) + ", "
                + String.format(Locale.ROOT, f, i.path("high").asDouble()) + "]";
    }

    /** A number with three decimals, for sentences. */
    static String num(double x) {
        return String.format(Locale.ROOT, "%.3f", x);
    }

    /** A share as a percentage with one decimal, for sentences; "n/a" for an empty whole. */
    static String pct(long part, long whole) {
        return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    /** A report number into a column; absent or null in the report is a missing value, never a zero. */
    static void append(DoubleColumn c, JsonNode n) {
        if (n != null && n.isNumber()) c.append(n.asDouble());
        else c.appendMissing();
    }

    /** A report count into a column; absent or null in the report is a missing value, never a zero. */
    static void append(LongColumn c, JsonNode n) {
        if (n != null && n.isNumber()) c.append(n.asLong());
        else c.appendMissing();
    }
}
