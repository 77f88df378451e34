package dev.ntg.graph;

/**
 * The co-occurrence kernel: counts, for every pair of items, the users who consumed both, scores each pair with
 * the configured measure, and keeps each source item's top K edges that meet min support, without ever holding
 * all pairs. Binary whole-history graphs count each unordered pair once ({@link UpperTriangleCounter}); weighted
 * and windowed ones count full rows ({@link FullRowCounter}). Both give the same graph where both apply (tested),
 * whatever the thread count.
 *
 * <p>Weighted interactions are treated as fuzzy memberships: the pair's mass is Σ_u min(w_ui, w_uj), the
 * item's Σ_u w_ui and the total Σ_u max_k w_uk, so every measure sees a valid contingency table and reduces
 * to the set version with binary weights.
 */
public final class CooccurrenceCounter {
    /** Rows per unit of work handed to a thread. */
    static final int BLOCK = 16;

    /**
     * @param measure      the similarity of a pair
     * @param minSupport   least co-occurring users for an edge
     * @param topK         edges kept per source
     * @param windowMillis 0 for whole-history co-occurrence, else the Δt (inclusive) of windowed co-occurrence
     * @param threads      worker threads (≥ 1)
     */
    public record Options(SimilarityMeasure measure, int minSupport, int topK, long windowMillis, int threads) {
        public Options {
            if (minSupport <= 0) throw new IllegalArgumentException("graph.min_support: must be > 0, got " + minSupport);
            if (topK <= 0) throw new IllegalArgumentException("graph.top_k: must be > 0, got " + topK);
            if (windowMillis < 0) throw new IllegalArgumentException("graph.window_hours: must be > 0");
            if (threads <= 0) throw new IllegalArgumentException("threads: must be > 0, got " + threads);
        }
    }

    private CooccurrenceCounter() {
    }

    /** Counts, scores and prunes; the benchmark entry point. */
    public static ItemGraph build(Interactions x, Options o) {
        if (o.windowMillis() > 0 && x.tsMillis == null) throw new IllegalArgumentException("windowed co-occurrence needs timestamps");
        int n = x.nItems;
        int k = Math.min(o.topK(), Math.max(1, n));
        int threads = Math.max(1, Math.min(o.threads(), (n + BLOCK - 1) / BLOCK));
        boolean binaryWhole = o.windowMillis() == 0 && x.weights == null;
        return binaryWhole && candidatesFit(n, k, threads) ? UpperTriangleCounter.build(x, o, k, threads) : FullRowCounter.build(x, o, k, threads);
    }

    /** The upper triangle's candidate lists (2K per item and thread) within a quarter of the heap, and in one array each. */
    private static boolean candidatesFit(int items, int k, int threads) {
        return EdgeCandidates.slots(items, k) <= Integer.MAX_VALUE - 8
                && UpperTriangleCounter.candidateBytes(items, k) * threads <= Runtime.getRuntime().maxMemory() / 4;
    }
}
