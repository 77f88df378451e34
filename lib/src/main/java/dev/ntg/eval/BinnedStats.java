package dev.ntg.eval;

/** Per-bin counts, mean prediction and mean outcome, summed in row order. */
record BinnedStats(int[] count, double[] meanPredicted, double[] meanObserved, int n) {
    static BinnedStats of(double[] p, double[] y, int n, int bins, int[] bin) {
        int[] count = new int[bins];
        double[] sp = new double[bins], sy = new double[bins];
        for (int i = 0; i < n; i++) {
            count[bin[i]]++;
            sp[bin[i]] += p[i];
            sy[bin[i]] += y[i];
        }
        return fromSums(count, sp, sy, n);
    }

    /** From per-bin counts and sums (turned into means in place). */
    static BinnedStats fromSums(int[] count, double[] sp, double[] sy, int n) {
        int bins = count.length;
        for (int k = 0; k < bins; k++) {
            if (count[k] > 0) {
                sp[k] /= count[k];
                sy[k] /= count[k];
            }
        }
        return new BinnedStats(count, sp, sy, n);
    }
}
