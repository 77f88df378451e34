package dev.ntg.graph;

/** Pointwise mutual information, ln of {@link Lift}: 0 under independence, unbounded for rare pairs. */
public final class Pmi implements SimilarityMeasure {
    @Override
    public String name() {
        return "pmi";
    }

    @Override
    public double score(double cij, double ci, double cj, double n) {
        return StrictMath.log(cij * n / (ci * cj));
    }
}
