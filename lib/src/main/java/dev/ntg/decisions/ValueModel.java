package dev.ntg.decisions;

import dev.ntg.config.DecisionsConfig;

/**
 * Value of a user under geometric churn with per-period probability p, capped at N periods (see the package
 * documentation for the derivation). All amounts are per user, in the currency of {@code price}.
 *
 * @param price   revenue per period
 * @param margin  contribution margin share
 * @param periods N, the lifetime cap in periods
 */
public record ValueModel(double price, double margin, int periods) {
    public static ValueModel of(DecisionsConfig.Value v) {
        return new ValueModel(v.pricePerPeriod(), v.margin(), v.horizonPeriods());
    }

    /** E(p) = Σ_{t=1..N} (1−p)^t. */
    public double expectedPeriods(double p) {
        return geometricSum(1 - p, 1, periods);
    }

    /** L(p) = 1 + Σ_{t=1..N−1} (1−p)^t: periods a user stays given they survive this one. */
    public double periodsIfRetained(double p) {
        return geometricSum(1 - p, 0, periods - 1);
    }

    /** V = m·P·E(p). */
    public double value(double p) {
        return margin * price * expectedPeriods(p);
    }

    /** m·P·L(p): the value at stake when this period's churn is avoided. */
    public double stake(double p) {
        return margin * price * periodsIfRetained(p);
    }

    /** VaR = p·m·P·L(p). */
    public double valueAtRisk(double p) {
        return p * stake(p);
    }

    /** p·P·L(p). */
    public double revenueAtRisk(double p) {
        return p * price * periodsIfRetained(p);
    }

    /** Expected value saved by moving this period's churn probability from p to pAfter: (p − p')·m·P·L(p). */
    public double saved(double p, double pAfter) {
        return (p - pAfter) * stake(p);
    }

    /** Σ_{t=from..to} q^t (exact loop: N is small and the closed form loses precision near q = 1). */
    private static double geometricSum(double q, int from, int to) {
        double s = 0, term = Math.pow(q, from);
        for (int t = from; t <= to; t++) {
            s += term;
            term *= q;
        }
        return s;
    }
}
