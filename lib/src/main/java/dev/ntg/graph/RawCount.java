package dev.ntg.graph;

/** The co-occurrence itself: favours popular items, useful as a baseline and for debugging. */
public final class RawCount implements SimilarityMeasure {
    @Override
    public String name() {
        return "count";
    }

    @Override
    public double score(double cij, double ci, double cj, double n) {
        return cij;
    }
}
