package dev.ntg.eval;

/** Log loss (cross-entropy, natural log): −mean(y ln p + (1 − y) ln(1 − p)), p clipped to [1e-15, 1 − 1e-15]. */
public final class LogLoss extends Pairs {
    static final double EPS = 1e-15;

    @Override
    public double value() {
        if (n == 0) return Double.NaN;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double q = Math.min(1 - EPS, Math.max(EPS, p[i]));
            s -= y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q);
        }
        return s / n;
    }
}
