package dev.ntg.eval;

/**
 * A metric over (predicted probability, outcome) pairs: add each pair, then read the value. Instances are
 * single-use accumulators; make a new one per sample.
 */
public interface Metric {
    /** Adds one prediction {@code p} in [0, 1] and its outcome {@code y} (0 or 1; a probability for calibration metrics). */
    void add(double p, double y);

    /** The metric over everything added; NaN when it is undefined for that sample (e.g. AUC without positives). */
    double value();

    /** Convenience: adds every pair, then summarizes. */
    default double of(double[] p, double[] y) {
        if (p.length != y.length) throw new IllegalArgumentException("predictions and outcomes differ in length: " + p.length + " vs " + y.length);
        for (int i = 0; i < p.length; i++) add(p[i], y[i]);
        return value();
    }
}
