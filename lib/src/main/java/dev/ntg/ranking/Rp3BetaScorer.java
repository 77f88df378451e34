package dev.ntg.ranking;

/**
 * A random walk in the spirit of RP3beta (Paudel et al. 2017), restricted to the graph's edges: the two-step
 * walk item h → user → item j has probability ≈ c(h, j) / deg(h) (co-occurring users over h's users); it is
 * raised to alpha and divided by deg(j)^beta to push down items every walk reaches. score(j) = Σ_h W(h, j).
 * Precomputed per edge once, so scoring costs the same as item-kNN.
 */
final class Rp3BetaScorer extends GraphWalkScorer {
    private final double alpha, beta;

    Rp3BetaScorer(ItemNeighbors graph, long[] degree, double alpha, double beta) {
        super(graph, weights(graph, degree, alpha, beta));
        this.alpha = alpha;
        this.beta = beta;
    }

    private static double[] weights(ItemNeighbors graph, long[] degree, double alpha, double beta) {
        double[] weight = new double[graph.edges()];
        for (int h = 0; h + 1 < graph.ptr.length; h++) {
            for (int e = graph.ptr[h]; e < graph.ptr[h + 1]; e++) {
                double p = (double) graph.cooccurrence[e] / Math.max(degree[h], 1);
                // StrictMath: identical bits on every machine.
                weight[e] = StrictMath.pow(p, alpha) / StrictMath.pow(Math.max(degree[graph.dst[e]], 1), beta);
            }
        }
        return weight;
    }

    @Override
    String name() {
        return "rp3beta";
    }

    @Override
    String description() {
        return "RP3beta on the graph: sum over TRAIN items h of (c(h,j)/deg(h))^" + alpha + " / deg(j)^" + beta;
    }
}
