package dev.ntg.eval;

/**
 * Contacting the top {@code fraction} of users by predicted risk: k = ceil(fraction · n) highest predictions (ties in
 * insertion order). {@link #value()} is the capture, the share of all positives inside the top k; {@link #lift()}
 * is the positive rate inside the top k over the overall rate (capture divided by k / n).
 */
public final class LiftCapture extends Pairs {
    private final double fraction;

    private LiftCapture(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
        this.fraction = fraction;
    }

    public static LiftCapture top(double fraction) {
        return new LiftCapture(fraction);
    }

    public double fraction() {
        return fraction;
    }

    /** k: how many users the top fraction holds. */
    public int contacted() {
        return (int) Math.ceil(fraction * n - 1e-9);
    }

    /** Capture: positives in the top k over all positives; NaN without positives. */
    @Override
    public double value() {
        int k = contacted();
        int[] order = descending();
        double total = 0, top = 0;
        for (int i = 0; i < n; i++) total += y[i];
        for (int i = 0; i < k; i++) top += y[order[i]];
        return total == 0 ? Double.NaN : top / total;
    }

    /** Lift: positive rate in the top k over the overall positive rate. */
    public double lift() {
        double capture = value();
        return capture / ((double) contacted() / n);
    }
}
