package dev.ntg.graph;

import java.util.Arrays;

/**
 * Whether the graph is healthy: size and coverage, degree distributions (with hubness of in-degree: a few
 * items being everyone's neighbour), edge weights, connected components, popularity bias of neighbours, and
 * how much the caps and pruning removed. Every figure is a pure function of the graph and the loaded TRAIN
 * histories, so the file is byte-identical across reruns; timings go to the stage manifest.
 */
public record GraphDiagnostics(String schemaVersion, Settings settings, long nodes, long nodesWithInteractions, long edges,
                               double coverage, Distribution outDegree, Distribution inDegree, Hubness hubness,
                               Distribution similarity, Distribution cooccurrence, Components components,
                               PopularityBias popularityBias, Pairs pairs, InteractionLoader.CapReport caps) {
    public static final String SCHEMA = "graph_diagnostics.schema.json";

    /** The settings the graph was built with. */
    public record Settings(String measure, String cooccurrence, double windowHours, String weighting, String userDownweight,
                           int userCap, int minSupport, int topK) {
    }

    /** Nearest-rank quantiles of a sample (all 0 for an empty one). */
    public record Distribution(long n, double min, double p25, double median, double p75, double p90, double p99, double max, double mean) {
        static Distribution of(double[] values) {
            int n = values.length;
            if (n == 0) return new Distribution(0, 0, 0, 0, 0, 0, 0, 0, 0);
            double[] v = values.clone();
            Arrays.sort(v);
            double sum = 0;
            for (double x : v) sum += x;
            return new Distribution(n, v[0], q(v, 0.25), q(v, 0.5), q(v, 0.75), q(v, 0.9), q(v, 0.99), v[n - 1], sum / n);
        }

        private static double q(double[] sorted, double p) {
            int k = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, k))];
        }
    }

    /**
     * @param gini             Gini coefficient of in-degree over all nodes (0: even, 1: one item is every neighbour)
     * @param maxInDegree      largest in-degree
     * @param top1PctItems     the ceil(1%) of nodes with the highest in-degree
     * @param top1PctEdgeShare share of edges pointing at those items
     * @param zeroInDegree     nodes that are nobody's neighbour
     */
    public record Hubness(double gini, long maxInDegree, long top1PctItems, double top1PctEdgeShare, long zeroInDegree) {
    }

    /** Weakly connected components of the kept edges (undirected), isolated nodes counting as components. */
    public record Components(long count, long largest, double largestShare, long isolated) {
    }

    /**
     * Popularity rank 1 is the item with the most TRAIN users. A neighbour rank far below the source rank means
     * the graph pulls recommendations towards blockbusters.
     */
    public record PopularityBias(double meanSourceRank, double meanNeighbourRank, double neighbourToSourceRankRatio,
                                 double meanSourcePopularity, double meanNeighbourPopularity) {
    }

    /** @see ItemGraph.Stats */
    public record Pairs(long counted, long distinct, long belowMinSupport, long prunedByTopK, long kept) {
    }
}
