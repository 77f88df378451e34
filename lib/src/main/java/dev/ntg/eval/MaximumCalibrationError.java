package dev.ntg.eval;

/** MCE = max_k |ȳ_k − p̄_k| over non-empty bins: the worst calibration gap of any bin. */
public final class MaximumCalibrationError extends BinnedCalibration {
    private MaximumCalibrationError(Bins scheme, int bins) {
        super(scheme, bins);
    }

    public static MaximumCalibrationError equalWidth(int bins) {
        return new MaximumCalibrationError(Bins.EQUAL_WIDTH, bins);
    }

    public static MaximumCalibrationError equalMass(int bins) {
        return new MaximumCalibrationError(Bins.EQUAL_MASS, bins);
    }

    @Override
    double summarize(BinnedStats s) {
        int bins = s.count().length;
        double mce = 0;
        for (int k = 0; k < bins; k++) {
            if (s.count()[k] > 0) mce = Math.max(mce, Math.abs(s.meanObserved()[k] - s.meanPredicted()[k]));
        }
        return mce;
    }
}
