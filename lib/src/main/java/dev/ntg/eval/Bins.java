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
            for (int i = 0; i < n; i++) bin[i] = widthBin(p[i], bins);
        } else {
            for (int s = 0; s < n; s++) bin[sortedAscending[s]] = massBin(s, n, bins);
        }
        return bin;
    }

    /** EQUAL_WIDTH: the bin of prediction p. */
    static int widthBin(double p, int bins) {
        return Math.min(bins - 1, (int) Math.floor(p * bins));
    }

    /**
     * EQUAL_MASS: the bin of sorted position s among n, the k with floor(k·n/B) <= s < floor((k+1)·n/B), i.e. the
     * largest k with k·n < (s+1)·B.
     */
    static int massBin(long s, long n, int bins) {
        return (int) (((s + 1) * bins - 1) / n);
    }

    public String label() {
        return name().toLowerCase();
    }
}
