package dev.ntg.taste;

/**
 * One fit of the taste axes.
 *
 * @param k              axes
 * @param spectrum       the K leading singular values of the normalised user × item matrix (the first is 1)
 * @param loadings       loadings[i] = item i's loadings on the K axes (non-negative, summing to 1), or null when
 *                       item i had no interaction in this fit
 * @param dominant       each item's axis of largest loading (0-based), or -1 when absent from this fit
 * @param shaping        whether item i had enough users to shape the axes (it took part in k-means)
 * @param distortion     k-means distortion of the winning restart
 * @param solverSteps    operator applications of the eigen-solver
 * @param warmStart      the sum of the fit's leading item vectors: a Lanczos start for refits of a resampled matrix,
 *                       which then converge in fewer steps (null when not kept)
 */
public record AxisFit(int k, double[] spectrum, double[][] loadings, int[] dominant, boolean[] shaping, double distortion, int solverSteps,
                      double[] warmStart) {
    /** Items per axis (by dominant axis). */
    public long[] sizes() {
        long[] s = new long[k];
        for (int a : dominant) if (a >= 0) s[a]++;
        return s;
    }
}
