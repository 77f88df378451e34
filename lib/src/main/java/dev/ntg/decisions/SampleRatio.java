package dev.ntg.decisions;

import org.apache.commons.math3.stat.inference.ChiSquareTest;

import java.util.ArrayList;
import java.util.List;

/** Chi-square tests of an experiment's arms through Commons Math: the sample-ratio-mismatch check and covariate balance. */
public final class SampleRatio {
    private SampleRatio() {
    }

    /** Goodness-of-fit p-value of observed arm counts against the configured shares; NaN with fewer than 2 users. */
    public static double srmPValue(long[] observed, List<Double> shares) {
        long total = 0;
        for (long o : observed) total += o;
        if (total < 2) return Double.NaN;
        double[] expected = new double[shares.size()];
        for (int i = 0; i < expected.length; i++) expected[i] = shares.get(i) * total;
        return new ChiSquareTest().chiSquareTest(expected, observed);
    }

    /**
     * Independence p-value of an arms × categories table (e.g. risk bands); categories (columns) without any user are
     * dropped first; NaN when fewer than two categories or two arms remain.
     */
    public static double balancePValue(long[][] armByCategory) {
        int arms = armByCategory.length;
        List<Integer> cols = new ArrayList<>();
        for (int j = 0; j < armByCategory[0].length; j++) {
            long s = 0;
            for (long[] row : armByCategory) s += row[j];
            if (s > 0) cols.add(j);
        }
        List<long[]> rows = new ArrayList<>();
        for (long[] row : armByCategory) {
            long s = 0;
            for (int j : cols) s += row[j];
            if (s > 0) rows.add(cols.stream().mapToLong(j -> row[j]).toArray());
        }
        if (cols.size() < 2 || rows.size() < 2 || rows.size() < arms) return Double.NaN;
        return new ChiSquareTest().chiSquareTest(rows.toArray(new long[0][]));
    }
}
