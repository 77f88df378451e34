package dev.ntg.graph;

/**
 * Dunning's log-likelihood ratio (G²) of the 2×2 table (both, i only, j only, neither), computed like Mahout's
 * {@code LogLikelihood.logLikelihoodRatio}: 2 (H(rows) + H(columns) - H(matrix)) with unnormalized entropies
 * H(k…) = xlogx(Σk) - Σ xlogx(k), with the sums grouped so that the score is symmetric in i and j to the last
 * bit. It measures surprise in either direction, so a strongly avoided pair also
 * scores high; min_support and top-K keep the graph to pairs that do co-occur.
 */
public final class LogLikelihoodRatio implements SimilarityMeasure {
    @Override
    public String name() {
        return "llr";
    }

    @Override
    public double score(double cij, double ci, double cj, double n) {
        double k11 = cij;
        double k12 = ci - cij;
        double k21 = cj - cij;
        double k22 = n - (ci + cj) + cij;
        return llr(k11, k12, k21, k22);
    }

    static double llr(double k11, double k12, double k21, double k22) {
        double rowEntropy = entropy(k11 + k12, k21 + k22);
        double columnEntropy = entropy(k11 + k21, k12 + k22);
        double matrixEntropy = entropy(k11, k12, k21, k22);
        // Round-off can make the difference slightly negative for independent pairs.
        if (rowEntropy + columnEntropy < matrixEntropy) return 0.0;
        return 2.0 * (rowEntropy + columnEntropy - matrixEntropy);
    }

    private static double xLogX(double x) {
        return x <= 0 ? 0.0 : x * StrictMath.log(x);
    }

    private static double entropy(double a, double b) {
        return xLogX(a + b) - xLogX(a) - xLogX(b);
    }

    /** Sums b and c (the two off-diagonal cells) before the others, so that swapping them changes no bit. */
    private static double entropy(double a, double b, double c, double d) {
        return xLogX((a + d) + (b + c)) - (xLogX(a) + xLogX(d)) - (xLogX(b) + xLogX(c));
    }
}
