package dev.ntg.eval;

/** MCE = max_k |ȳ_k − p̄_k| over non-empty bins: the worst calibration gap of any bin. */
public final class MaximumCalibrationError extends Pairs {
    private final Bins scheme;
    private final int bins;

    private MaximumCalibrationError(Bins scheme, int bins) {
        if (bins < 1) throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        this.scheme = scheme;
        this.bins = bins;
    }

    public static MaximumCalibrationError equalWidth(int bins) {
        return new MaximumCalibrationError(Bins.EQUAL_WIDTH, bins);
    }

    public static MaximumCalibrationError equalMass(int bins) {
        return new MaximumCalibrationError(Bins.EQUAL_MASS, bins);
    }

    @Override
    public double value() {
        if (n == 0) return Double.NaN;
        BinnedStats s = BinnedStats.of(p, y, n, bins, scheme.assign(p, n, bins, scheme == Bins.EQUAL_MASS ? ascending() : null));
        double mce = 0;
        for (int k = 0; k < bins; k++) {
            if (s.count()[k] > 0) mce = Math.max(mce, Math.abs(s.meanObserved()[k] - s.meanPredicted()[k]));
        }
        return mce;
    }
}
