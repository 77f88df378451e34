package dev.ntg.eval;

/** Log loss (cross-entropy, natural log): −mean(y ln p + (1 − y) ln(1 − p)), p clipped to [1e-15, 1 − 1e-15]. */
public final class LogLoss extends MeanOfTerms {
    static final double EPS = 1e-15;

    @Override
    double term(double p, double y) {
        double q = Math.min(1 - EPS, Math.max(EPS, p));
        return -(y * Math.log(q) + (1 - y) * Math.log(1 - q));
    }
}
