package dev.ntg.decisions;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Power and sample size for comparing two proportions with a two-sided z test, the normal approximation of Fleiss,
 * Levin &amp; Paik (Statistical Methods for Rates and Proportions, 3rd ed., 2003, eq. 4.14) without continuity
 * correction, generalised to an allocation ratio r = n2 / n1:
 * <pre>
 *   n1 = [ z_{1−α/2} √( p̄ q̄ (1 + 1/r) ) + z_{1−β} √( p1 q1 + p2 q2 / r ) ]² / (p1 − p2)²,   p̄ = (p1 + r p2) / (1 + r)
 * </pre>
 * (pooled variance under the null, unpooled under the alternative). For p1 = 0.30, p2 = 0.20, α = 0.05, power 0.8 and
 * r = 1 it gives 293.1, i.e. 294 per group. Quantiles come from Commons Math's {@link NormalDistribution}.
 */
public final class TwoProportions {
    private static final NormalDistribution STD = new NormalDistribution(null, 0, 1);

    private TwoProportions() {
    }

    /** z_q, the q-quantile of the standard normal. */
    public static double z(double q) {
        return STD.inverseCumulativeProbability(q);
    }

    /** Unrounded n1 (group 1) for detecting p1 vs p2; n2 = r·n1. */
    public static double sampleSizeExact(double p1, double p2, double alpha, double power, double ratio) {
        double d = Math.abs(p1 - p2);
        if (d == 0) return Double.POSITIVE_INFINITY;
        double pBar = (p1 + ratio * p2) / (1 + ratio);
        double a = z(1 - alpha / 2) * Math.sqrt(pBar * (1 - pBar) * (1 + 1 / ratio));
        double b = z(power) * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2) / ratio);
        return (a + b) * (a + b) / (d * d);
    }

    /** n1 rounded up. */
    public static long sampleSize(double p1, double p2, double alpha, double power, double ratio) {
        double n = sampleSizeExact(p1, p2, alpha, power, ratio);
        return Double.isFinite(n) ? (long) Math.ceil(n - 1e-9) : Long.MAX_VALUE;
    }

    /** Power of the two-sided test with n1 and n2 users when the true proportions are p1 and p2 (the same formula solved for z_{1−β};
     * like the sample-size formula it counts only the rejection tail on the side of the effect, so it is α/2 at no effect). */
    public static double power(double p1, double p2, double n1, double n2, double alpha) {
        if (n1 <= 0 || n2 <= 0) return Double.NaN;
        double d = Math.abs(p1 - p2);
        double pBar = (n1 * p1 + n2 * p2) / (n1 + n2);
        double null0 = Math.sqrt(pBar * (1 - pBar) * (1 / n1 + 1 / n2));
        double alt = Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
        if (alt == 0) return d > 0 ? 1.0 : alpha;
        return STD.cumulativeProbability((d - z(1 - alpha / 2) * null0) / alt);
    }

    /**
     * Minimum detectable effect: the smallest increase δ of the proportion over the control's p1 (up to 1 − p1) that
     * the test detects with the target power given n1 control and n2 treated users; NaN when even δ = 1 − p1 is not enough.
     */
    public static double minimumDetectableEffect(double p1, double n1, double n2, double alpha, double power) {
        double hi = 1 - p1;
        if (!(hi > 0) || n1 <= 0 || n2 <= 0 || power(p1, 1.0, n1, n2, alpha) < power) return Double.NaN;
        double lo = 0;
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (power(p1, p1 + mid, n1, n2, alpha) >= power) hi = mid;
            else lo = mid;
        }
        return hi;
    }
}
