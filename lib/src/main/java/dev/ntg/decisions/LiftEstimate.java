package dev.ntg.decisions;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Difference in retention proportions between a treated arm and the control, with a Wald interval (unpooled standard
 * error, normal quantile from Commons Math) and the two-sided z-test p-value (pooled standard error).
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
        double se = Math.sqrt(pc * (1 - pc) / nControl + pt * (1 - pt) / nTreated);
        double z = STD.inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double pool = (double) (retainedControl + retainedTreated) / (nControl + nTreated);
        double se0 = Math.sqrt(pool * (1 - pool) * (1.0 / nControl + 1.0 / nTreated));
        double p = se0 > 0 ? 2 * (1 - STD.cumulativeProbability(Math.abs(d) / se0)) : (d == 0 ? 1.0 : 0.0);
        return new LiftEstimate(pc, pt, d, d - z * se, d + z * se, p);
    }

    public boolean covers(double value) {
        return value >= lower && value <= upper;
    }
}
