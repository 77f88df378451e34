package dev.ntg.eval;

/** Mean |p − y|, summed in insertion order; with a planted probability as y, the mean distance to the truth. */
public final class MeanAbsoluteError extends Pairs {
    @Override
    public double value() {
        if (n == 0) return Double.NaN;
        double s = 0;
        for (int i = 0; i < n; i++) s += Math.abs(p[i] - y[i]);
        return s / n;
    }
}
