package dev.ntg.report.notebook;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tech.tablesaw.api.DoubleColumn;

import java.util.Locale;

import static dev.ntg.report.notebook.ChurnFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("ReportValues")
class ReportValuesTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"estimate\": 0.95123, \"lower\": 0.94, \"upper\": 0.96} | 0.951 [0.940, 0.960]",
            "{\"estimate\": 1234.5, \"lower\": 1000, \"upper\": 1500.25}  | 1,234.500 [1,000.000, 1,500.250]",
            "{\"estimate\": 0.5, \"lower\": null, \"upper\": null}       | 0.500",
            "{\"estimate\": null, \"lower\": 0.1, \"upper\": 0.2}        | —",
            "{}                                                         | —"})
    @DisplayName("an interval object reads 'estimate [lower, upper]', a missing estimate a dash")
    void interval(String node, String shown) {
        assertEquals(shown, ReportValues.interval(json(node), 3));
    }

    @ParameterizedTest(name = "[{0}, {1}] → {2}")
    @CsvSource({"0.01, 0.2, 1", "-0.3, -0.01, -1", "-0.01, 0.02, 0", "0.0, 0.2, 0"})
    @DisplayName("an interval is above zero, below it, or contains it (a bound at zero contains it)")
    void sign(double lower, double upper, int sign) {
        assertEquals(sign, ReportValues.sign(json("{\"estimate\": 0, \"lower\": " + lower + ", \"upper\": " + upper + "}")));
    }

    @Test
    @DisplayName("a missing or null number is a dash, also inside bounds")
    void missing() {
        assertEquals("—", ReportValues.number(json("null"), 2));
        assertEquals("—", ReportValues.format(Double.NaN, 2));
        assertEquals("[0.10, —]", ReportValues.bounds(json("0.1"), json("null"), 2));
        assertTrue(Double.isNaN(ReportValues.value(json("{}").path("x"))));
    }

    @Test
    @DisplayName("numbers and column formats ignore the machine's locale")
    void localeIndependent() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("1,234.50", ReportValues.format(1234.5, 2));
            DoubleColumn c = DoubleColumn.create("x", 1234.5, 12.0, 0.125);
            c.setPrintFormatter(Formats.grouped(2));
            assertEquals("1,234.50", c.getString(0));
            c.setPrintFormatter(Formats.grouped(0));
            assertEquals("12", c.getString(1));
            c.setPrintFormatter(Formats.percent(1));
            assertEquals("12.5%", c.getString(2));
        } finally {
            Locale.setDefault(before);
        }
    }
}
