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
        return contacted(n);
    }

    private int contacted(long users) {
        return (int) Math.ceil(fraction * users - 1e-9);
    }

    /** Capture: positives in the top k over all positives; NaN without positives. */
    @Override
    Weighted prepare(double[] p, double[] y, int[] visit) {
        TieGroups g = TieGroups.of(p, visit);
        return counts -> {
            double total = TieGroups.outcomeSum(y, visit, counts);
            long users = 0;
            for (int i : visit) users += Weighted.count(counts, i);
            long left = contacted(users);
            double top = 0;
            // The highest predictions first: groups from the top, rows inside a group in visit order.
            for (int t = g.size() - 1; t >= 0 && left > 0; t--) {
                for (int k = g.start[t]; k < g.start[t + 1] && left > 0; k++) {
                    int i = g.rows[k];
                    int taken = (int) Math.min(Weighted.count(counts, i), left);
                    top += taken * y[i];
                    left -= taken;
                }
            }
            return total == 0 ? Double.NaN : top / total;
        };
    }

    /** Lift: positive rate in the top k over the overall positive rate. */
    public double lift() {
        double capture = value();
        return capture / ((double) contacted() / n);
    }
}
