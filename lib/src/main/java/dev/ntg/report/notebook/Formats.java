package dev.ntg.report.notebook;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Number formats for notebook tables that do not depend on the kernel's locale (Tablesaw's own formatters use the
 * default locale), so a notebook re-executed on another machine prints the same characters.
 */
final class Formats {
    private static final DecimalFormatSymbols ROOT = DecimalFormatSymbols.getInstance(Locale.ROOT);

    private Formats() {
    }

    /** Fixed decimals: {@code 0.382}. */
    static <C extends NumericColumn<?>> C decimals(C column, int digits) {
        column.setPrintFormatter(new NumberColumnFormatter(new DecimalFormat(digits == 0 ? "0" : "0." + "0".repeat(digits), ROOT)));
        return column;
    }

    /** A share as a percentage: 0.2175 prints {@code 21.8%} with one digit. */
    static <C extends NumericColumn<?>> C percent(C column, int digits) {
        column.setPrintFormatter(new NumberColumnFormatter(new DecimalFormat(digits == 0 ? "0%" : "0." + "0".repeat(digits) + "%", ROOT)));
        return column;
    }

    /** A setting's value as written in a sentence: {@code 5} rather than {@code 5.00}, {@code 0.25} as is. */
    static String number(double value) {
        return new DecimalFormat("0.###", ROOT).format(value);
    }
}
