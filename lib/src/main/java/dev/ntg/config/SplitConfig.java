package dev.ntg.config;

import java.time.Instant;

/**
 * The one chronological split. Either event-count fractions (the cutoffs are the timestamps at those
 * quantiles of all events) or explicit start timestamps for VAL and TEST; explicit starts win when both are set.
 *
 * @param valFraction  share of events (by count) for VAL
 * @param testFraction share of events (by count) for TEST
 * @param valStart     explicit VAL start (ISO-8601 instant), or null
 * @param testStart    explicit TEST start (ISO-8601 instant), or null
 */
public record SplitConfig(double valFraction, double testFraction, String valStart, String testStart) {
    public SplitConfig {
        Check.between("val_fraction", valFraction, 0.0, 0.5);
        Check.between("test_fraction", testFraction, 0.0, 0.5);
        Check.that(valFraction > 0 || valStart != null, "val_fraction", "must be > 0 unless val_start is set");
        Check.that(testFraction > 0 || testStart != null, "test_fraction", "must be > 0 unless test_start is set");
        Check.that((valStart == null) == (testStart == null), valStart == null ? "val_start" : "test_start",
                "set both val_start and test_start, or neither");
        if (valStart != null) {
            Instant v = Timestamps.parseSetting("val_start", valStart);
            Instant t = Timestamps.parseSetting("test_start", testStart);
            Check.that(v.isBefore(t), "test_start", "must be after val_start (" + valStart + "), got " + testStart);
        }
    }

    public boolean explicitCutoffs() {
        return valStart != null;
    }
}
