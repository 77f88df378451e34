package dev.ntg.bench;

/**
 * How a stage's cost grows with the log: the least-squares slope of ln(seconds) against ln(events). A slope of 1
 * is linear, 2 quadratic; below 1 means fixed costs still dominate at these sizes.
 */
final class CostExponent {
    private CostExponent() {
    }

    /** The slope over the points with positive time, or null when fewer than two distinct sizes remain. */
    static Double fit(double[] events, double[] seconds) {
        int n = 0;
        double sx = 0, sy = 0;
        for (int i = 0; i < events.length; i++) {
            if (seconds[i] > 0 && events[i] > 0) {
                n++;
                sx += Math.log(events[i]);
                sy += Math.log(seconds[i]);
            }
        }
        if (n < 2) return null;
        double mx = sx / n, my = sy / n, sxy = 0, sxx = 0;
        for (int i = 0; i < events.length; i++) {
            if (seconds[i] > 0 && events[i] > 0) {
                double dx = Math.log(events[i]) - mx;
                sxy += dx * (Math.log(seconds[i]) - my);
                sxx += dx * dx;
            }
        }
        return sxx > 0 ? sxy / sxx : null;
    }
}
