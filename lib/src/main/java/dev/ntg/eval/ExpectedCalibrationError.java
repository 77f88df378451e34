package dev.ntg.eval;

/**
 * ECE = Σ_k (n_k / n) · |ȳ_k − p̄_k| over non-empty bins: the count-weighted gap between the mean prediction and
 * the observed rate. With probabilities as outcomes it measures the gap to a planted truth ("ECE against truth").
 */
public final class ExpectedCalibrationError extends BinnedCalibration {
    private ExpectedCalibrationError(Bins scheme, int bins) {
        super(scheme, bins);
    }

    public static ExpectedCalibrationError equalWidth(int bins) {
        return new ExpectedCalibrationError(Bins.EQUAL_WIDTH, bins);
    }

    public static ExpectedCalibrationError equalMass(int bins) {
        return new ExpectedCalibrationError(Bins.EQUAL_MASS, bins);
    }

    @Override
    double summarize(BinnedStats s) {
        int bins = s.count().length, n = s.n();
        double ece = 0;
        for (int k = 0; k < bins; k++) {
            if (s.count()[k] > 0) ece += (double) s.count()[k] / n * Math.abs(s.meanObserved()[k] - s.meanPredicted()[k]);
        }
        return ece;
    }
}
