package dev.ntg.eval.ranking;

/**
 * A point estimate with a percentile bootstrap interval. {@code low}/{@code high} are null when no resampling
 * was asked for (bootstrap_resamples = 0).
 */
public record Interval(double estimate, Double low, Double high) {
    /** Whether the whole interval lies above zero (for a paired difference: a significant improvement). */
    public boolean above(double x) {
        return low != null && low > x;
    }
}
