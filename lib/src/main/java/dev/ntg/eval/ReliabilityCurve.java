package dev.ntg.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Reliability-diagram points: predictions grouped in equal-mass bins (edges fixed on the full sample), each bin's
 * mean prediction against its observed rate, with a bootstrap percentile band on the observed rate (the bins keep
 * their rows' membership; each resample re-weights the rows).
 */
public final class ReliabilityCurve extends Pairs {
    private final int bins;

    /** One point of the curve. */
    public record Point(int bin, int count, double meanPredicted, double observedRate, double observedLower, double observedUpper) {
    }

    private ReliabilityCurve(int bins) {
        this.bins = bins;
    }

    public static ReliabilityCurve equalMass(int bins) {
        if (bins < 1) throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        return new ReliabilityCurve(bins);
    }

    /** The count-weighted mean gap (the equal-mass ECE); {@link #points} gives the curve. */
    @Override
    Weighted prepare(double[] ps, double[] ys, int[] visit) {
        return ExpectedCalibrationError.equalMass(bins).prepare(ps, ys, visit);
    }

    public List<Point> points(Bootstrap bootstrap) {
        int[] bin = Bins.EQUAL_MASS.assign(p, n, bins, ascending());
        BinnedStats s = BinnedStats.of(p, y, n, bins, bin);
        double[][] reps = new double[bins][bootstrap.resamples()];
        for (int r = 0; r < bootstrap.resamples(); r++) {
            int[] idx = bootstrap.indices(r, n);
            double[] sy = new double[bins];
            int[] c = new int[bins];
            for (int i : idx) {
                sy[bin[i]] += y[i];
                c[bin[i]]++;
            }
            for (int k = 0; k < bins; k++) reps[k][r] = c[k] == 0 ? Double.NaN : sy[k] / c[k];
        }
        List<Point> out = new ArrayList<>();
        for (int k = 0; k < bins; k++) {
            if (s.count()[k] == 0) continue;
            Interval band = bootstrap.summarize(s.meanObserved()[k], reps[k]);
            out.add(new Point(k, s.count()[k], s.meanPredicted()[k], s.meanObserved()[k], band.lower(), band.upper()));
        }
        return out;
    }
}
