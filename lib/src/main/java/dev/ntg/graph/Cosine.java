package dev.ntg.graph;

/** Cosine of the two items' user vectors (Ochiai for sets): c(i,j) / sqrt(c(i) c(j)). */
public final class Cosine implements SimilarityMeasure {
    @Override
    public String name() {
        return "cosine";
    }

    @Override
    public double score(double cij, double ci, double cj, double n) {
        return cij / Math.sqrt(ci * cj);
    }
}
