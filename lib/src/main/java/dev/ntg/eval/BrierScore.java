package dev.ntg.eval;

/**
 * Brier score: mean of (p − y)², summed in insertion order. {@link #decomposition} gives Murphy's partition over
 * equal-width bins: BS = reliability − resolution + uncertainty + within-bin, where reliability = Σ n_k (p̄_k − ȳ_k)² / n
 * (lower is better calibrated), resolution = Σ n_k (ȳ_k − ȳ)² / n (higher separates better), uncertainty = ȳ(1 − ȳ),
 * and within-bin is the remainder from predictions that vary inside a bin (0 when each bin holds one value).
 */
public final class BrierScore extends MeanOfTerms {
    /** Murphy's terms; {@code withinBin} makes the sum exact. */
    public record Decomposition(double reliability, double resolution, double uncertainty, double withinBin, int bins) {
    }

    @Override
    double term(double p, double y) {
        return (p - y) * (p - y);
    }

    public Decomposition decomposition(int bins) {
        double bs = value();
        BinnedStats s = BinnedStats.of(p, y, n, bins, Bins.EQUAL_WIDTH.assign(p, n, bins, null));
        double ybar = 0;
        for (int i = 0; i < n; i++) ybar += y[i];
        ybar /= n;
        double rel = 0, res = 0;
        for (int k = 0; k < bins; k++) {
            int c = s.count()[k];
            if (c == 0) continue;
            rel += c * Math.pow(s.meanPredicted()[k] - s.meanObserved()[k], 2);
            res += c * Math.pow(s.meanObserved()[k] - ybar, 2);
        }
        rel /= n;
        res /= n;
        double unc = ybar * (1 - ybar);
        return new Decomposition(rel, res, unc, bs - (rel - res + unc), bins);
    }
}
