package dev.ntg.graph;

/**
 * Normalized PMI (Bouma 2009): PMI / -ln P(i,j), in [-1, 1]; 1 when the two items always occur together.
 * When every user has the pair (P(i,j) = 1) the ratio is 0/0 and the value is defined as 1.
 */
public final class NormalizedPmi implements SimilarityMeasure {
    @Override
    public String name() {
        return "npmi";
    }

    @Override
    public double score(double cij, double ci, double cj, double n) {
        double pij = cij / n;
        if (pij >= 1.0) return 1.0;
        return StrictMath.log(cij * n / (ci * cj)) / -StrictMath.log(pij);
    }
}
