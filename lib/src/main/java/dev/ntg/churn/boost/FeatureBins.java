package dev.ntg.churn.boost;

import java.util.Arrays;

/**
 * Every feature cut into at most {@code maxBins} ordered bins, and the training examples' bin codes. A cut sits at the
 * midpoint between two neighbouring distinct values, so "bin ≤ b" on a training example and "x ≤ threshold b" on any
 * value agree. A feature with at most {@code maxBins} distinct values gets one bin per value; otherwise the cuts fall
 * greedily so that no bin passes n / maxBins unless one value alone does (equal-frequency bins that never split a
 * value; a value more frequent than that gets a bin of its own).
 */
final class FeatureBins {
    /** Most bins a feature can have: codes are stored as unsigned bytes. */
    static final int MAX_BINS = 256;
    /** thresholds[j][b]: an example is in bin ≤ b of feature j exactly when its value is ≤ this. */
    final double[][] thresholds;
    /** Bin codes, row-major: codes[i * features + j] is example i's bin of feature j (unsigned). */
    final byte[] codes;
    final int features;

    private FeatureBins(double[][] thresholds, byte[] codes) {
        this.thresholds = thresholds;
        this.codes = codes;
        this.features = thresholds.length;
    }

    /** Bins every column of {@code x} (rows are examples; no NaN: the {@code Standardizer} imputes them). */
    static FeatureBins of(double[][] x, int maxBins) {
        if (maxBins < 2 || maxBins > MAX_BINS) throw new IllegalArgumentException("maxBins must be in [2, 256], got " + maxBins);
        int n = x.length, p = n == 0 ? 0 : x[0].length;
        double[][] thresholds = new double[p][];
        byte[] codes = new byte[n * p];
        double[] column = new double[n];
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < n; i++) {
                column[i] = x[i][j];
                if (Double.isNaN(column[i])) throw new IllegalArgumentException("feature " + j + " of example " + i + " is NaN");
            }
            double[] t = cuts(column.clone(), maxBins);
            thresholds[j] = t;
            for (int i = 0; i < n; i++) codes[i * p + j] = (byte) bin(t, column[i]);
        }
        return new FeatureBins(thresholds, codes);
    }

    int bins(int feature) {
        return thresholds[feature].length + 1;
    }

    /** The bin of {@code value}: how many thresholds lie below it. */
    static int bin(double[] thresholds, double value) {
        int lo = 0, hi = thresholds.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (thresholds[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** Ascending cut values for one feature's values (sorted in place). */
    static double[] cuts(double[] values, int maxBins) {
        Arrays.sort(values);
        int n = values.length, distinct = 0;
        for (int i = 0; i < n; i++) if (i == 0 || values[i] != values[i - 1]) distinct++;
        double[] out = new double[Math.min(maxBins, distinct) - (distinct > 0 ? 1 : 0)];
        double target = (double) n / maxBins;
        int cuts = 0, inBin = 0;
        for (int start = 0; start < n; ) {
            int end = start;
            while (end < n && values[end] == values[start]) end++;
            // A new bin starts at this value when the current one would pass n / maxBins with it (or every value has one).
            boolean cut = start > 0 && cuts < out.length && (distinct <= maxBins || inBin + (end - start) > target);
            if (cut) {
                out[cuts++] = midpoint(values[start - 1], values[start]);
                inBin = 0;
            }
            inBin += end - start;
            start = end;
        }
        return Arrays.copyOf(out, cuts);
    }

    /** A value in [a, b): for neighbouring doubles (a + b) / 2 can round onto b, which would move b's bin. */
    private static double midpoint(double a, double b) {
        double m = (a + b) / 2;
        return m >= a && m < b ? m : a;
    }
}
