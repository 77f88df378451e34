package dev.ntg.eval;

/**
 * A point estimate with a bootstrap percentile interval.
 *
 * @param estimate  the metric on the full sample
 * @param lower     2.5th percentile of the bootstrap replicates (for a 95% interval)
 * @param upper     97.5th percentile
 * @param resamples replicates with a defined value (NaN replicates, e.g. a resample without positives, are dropped)
 */
public record Interval(double estimate, double lower, double upper, int resamples) {
    /** True when the whole interval lies above zero (for paired differences). */
    public boolean aboveZero() {
        return lower > 0;
    }
}
