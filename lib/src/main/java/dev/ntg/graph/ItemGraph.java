package dev.ntg.graph;

/**
 * The pruned similarity graph: for each source item (dense index) its kept neighbours, best first
 * (similarity desc, then destination index asc), with their similarity and co-occurrence count.
 */
public final class ItemGraph {
    private static final int[] NO_INTS = new int[0];
    private static final double[] NO_DOUBLES = new double[0];

    final int[][] dst;
    final double[][] similarity;
    final int[][] count;
    private final Stats stats;

    ItemGraph(int[][] dst, double[][] similarity, int[][] count, Stats stats) {
        for (int i = 0; i < dst.length; i++) {
            if (dst[i] == null) {
                dst[i] = NO_INTS;
                similarity[i] = NO_DOUBLES;
                count[i] = NO_INTS;
            }
        }
        this.dst = dst;
        this.similarity = similarity;
        this.count = count;
        this.stats = stats;
    }

    /**
     * What the kernel did.
     *
     * @param pairsCounted     ordered pairs (i, j), i ≠ j, one per user who has both (a kernel that visits an unordered
     *                         pair once counts it for both orders)
     * @param distinctPairs    ordered pairs with a co-occurrence count ≥ 1 (likewise)
     * @param belowMinSupport  of those, pairs dropped for a count below min_support
     * @param prunedByTopK     pairs that passed min_support but fell outside the top-K of their source
     * @param edges            edges kept
     * @param countSeconds     thread-seconds spent accumulating co-occurrences
     * @param scoreSeconds     thread-seconds spent scoring and selecting the top-K
     * @param wallSeconds      wall time of the kernel
     * @param threads          worker threads used
     */
    public record Stats(long pairsCounted, long distinctPairs, long belowMinSupport, long prunedByTopK, long edges,
                        double countSeconds, double scoreSeconds, double wallSeconds, int threads) {
        public double pairsPerSecond() {
            return wallSeconds > 0 ? pairsCounted / wallSeconds : 0;
        }
    }

    public int items() {
        return dst.length;
    }

    public int outDegree(int src) {
        return dst[src].length;
    }

    public int[] neighbours(int src) {
        return dst[src].clone();
    }

    public double similarity(int src, int rank) {
        return similarity[src][rank];
    }

    public int count(int src, int rank) {
        return count[src][rank];
    }

    public int neighbour(int src, int rank) {
        return dst[src][rank];
    }

    public long edges() {
        long e = 0;
        for (int[] d : dst) e += d.length;
        return e;
    }

    public Stats stats() {
        return stats;
    }
}
