package dev.ntg.graph;

/** Lift: how much more often the pair co-occurs than under independence, P(i,j) / (P(i) P(j)). */
public final class Lift implements SimilarityMeasure {
    @Override
    public String name() {
        return "lift";
    }

    @Override
    public double score(double cij, double ci, double cj, double n) {
        return cij * n / (ci * cj);
    }
}
