package dev.ntg.decisions;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Difference in retention proportions between a treated arm and the control, with Newcombe's hybrid score interval
 * (his method 10: the Wilson intervals of the two proportions combined; normal quantile from Commons Math) and the
 * two-sided z-test p-value (pooled standard error). Not the Wald interval: at a proportion of 0 or 1, as a
 * high-risk control arm can show (0 of 51 retained), Wald's standard error has no term for that arm and the
 * interval is too narrow; Newcombe's keeps its coverage near the nominal level there and in small arms.
 *
 * @param control   retention in the control arm
 * @param treated   retention in the treated arm
 * @param lift      treated − control
 * @param lower     lower end of the interval
 * @param upper     upper end
 * @param pValue    two-sided p-value of H0: no difference
 */
public record LiftEstimate(double control, double treated, double lift, double lower, double upper, double pValue) {
    private static final NormalDistribution STD = new NormalDistribution(null, 0, 1);

    public static LiftEstimate of(long retainedControl, long nControl, long retainedTreated, long nTreated, double confidence) {
        if (nControl == 0 || nTreated == 0) return new LiftEstimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        double pc = (double) retainedControl / nControl, pt = (double) retainedTreated / nTreated;
        double d = pt - pc;
        double z = STD.inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double[] c = wilson(pc, nControl, z), t = wilson(pt, nTreated, z);
        double lower = d - Math.sqrt(square(pt - t[0]) + square(c[1] - pc));
        double upper = d + Math.sqrt(square(t[1] - pt) + square(pc - c[0]));
        double pool = (double) (retainedControl + retainedTreated) / (nControl + nTreated);
        double se0 = Math.sqrt(pool * (1 - pool) * (1.0 / nControl + 1.0 / nTreated));
        double p = se0 > 0 ? 2 * (1 - STD.cumulativeProbability(Math.abs(d) / se0)) : (d == 0 ? 1.0 : 0.0);
        return new LiftEstimate(pc, pt, d, lower, upper, p);
    }

    /** Wilson's score interval {lower, upper} for a proportion p of n at normal quantile z. */
    static double[] wilson(double p, long n, double z) {
        double z2n = z * z / n, denominator = 1 + z2n;
        double center = (p + z2n / 2) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2n / (4.0 * n));
        return new double[]{center - half, center + half};
    }

    private static double square(double x) {
        return x * x;
    }

    public boolean covers(double value) {
        return value >= lower && value <= upper;
    }
}
