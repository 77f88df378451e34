package dev.ntg.graph;

/** Jaccard overlap of the two user sets (Ruzicka for weighted memberships): c(i,j) / (c(i) + c(j) - c(i,j)). */
public final class Jaccard implements SimilarityMeasure {
    @Override
    public String name() {
        return "jaccard";
    }

    @Override
    public double score(double cij, double ci, double cj, double n) {
        return cij / (ci + cj - cij);
    }
}
