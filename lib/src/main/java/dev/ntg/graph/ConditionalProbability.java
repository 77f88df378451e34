package dev.ntg.graph;

/**
 * Asymmetric conditional probability P(j | i) = c(i,j) / (c(i) + d). The damping d shrinks scores of rarely
 * seen sources, whose raw ratios (1 of 1 user) would otherwise top every list.
 */
public final class ConditionalProbability implements SimilarityMeasure {
    private final double damping;

    public ConditionalProbability(double damping) {
        if (!(damping >= 0)) throw new IllegalArgumentException("graph.conditional_damping: must be >= 0, got " + damping);
        this.damping = damping;
    }

    @Override
    public String name() {
        return "conditional";
    }

    @Override
    public double score(double cij, double ci, double cj, double n) {
        return cij / (ci + damping);
    }

    @Override
    public boolean symmetric() {
        return false;
    }
}
