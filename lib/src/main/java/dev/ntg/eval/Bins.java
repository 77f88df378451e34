package dev.ntg.eval;

/**
 * How calibration metrics group predictions: {@code EQUAL_WIDTH} bins [k/B, (k+1)/B) (the last one closed at 1);
 * {@code EQUAL_MASS} bins of the predictions sorted ascending (ties in insertion order), bin k holding sorted
 * positions [floor(k·n/B), floor((k+1)·n/B)), so bin sizes differ by at most one.
 */
public enum Bins {
    EQUAL_WIDTH, EQUAL_MASS;

    /** Bin of each row (−1 never happens); {@code sortedAscending} is only used for EQUAL_MASS. */
    int[] assign(double[] p, int n, int bins, int[] sortedAscending) {
        int[] bin = new int[n];
        if (this == EQUAL_WIDTH) {
            for (int i = 0; i < n; i++) bin[i] = Math.min(bins - 1, (int) Math.floor(p[i] * bins));
        } else {
            for (int k = 0; k < bins; k++) {
                int from = (int) ((long) k * n / bins), to = (int) ((long) (k + 1) * n / bins);
                for (int s = from; s < to; s++) bin[sortedAscending[s]] = k;
            }
        }
        return bin;
    }

    public String label() {
        return name().toLowerCase();
    }
}
