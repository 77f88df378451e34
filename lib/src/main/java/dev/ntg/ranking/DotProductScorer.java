package dev.ntg.ranking;

/**
 * A scorer whose score is a dot product, score(u, j) = q_u · V_j: a query vector per user (folded-in factors, a
 * taste profile) against one vector per item. Every item gets a score, so a user's top list needs the whole
 * catalog: one user at a time streams all of V per user and chains f dependent additions per item. {@link #topBlock}
 * instead scores a block of users per tile of items over Vᵀ: each tile is read from memory once per block, and the
 * inner loop runs across items (independent sums the JIT vectorizes). Each score still adds its f terms in factor
 * order from 0, so it has the bits of {@link #value}, the same sum for one item.
 */
abstract class DotProductScorer extends Scorer {
    /** Items per tile: Vᵀ's tile (f × TILE doubles) stays in the core's L2 cache while a block of users reads it. */
    static final int TILE = 512;
    private final double[] vectors;
    private final double[] transposed;
    private final int f;
    private final int nItems;

    /** @param vectors row-major nItems × f */
    DotProductScorer(double[] vectors, int f) {
        this.vectors = vectors;
        this.f = f;
        this.nItems = vectors.length / f;
        transposed = new double[vectors.length];
        for (int j = 0; j < nItems; j++) for (int k = 0; k < f; k++) transposed[k * nItems + j] = vectors[j * f + k];
    }

    /** Length of the query and item vectors. */
    final int dimension() {
        return f;
    }

    /** Writes user's query vector into q[at, at + f). */
    abstract void query(int user, int[] history, double[] q, int at);

    /** Only the query is written (the row's values stay untouched): scores are computed by {@link #value} or {@link #topBlock}. */
    @Override
    final void fill(int user, int[] history, ScoreRow row) {
        query(user, history, row.query, 0);
    }

    @Override
    final double value(ScoreRow row, int j) {
        double[] q = row.query;
        double s = 0;
        for (int k = 0, o = j * f; k < f; k++) s += q[k] * vectors[o + k];
        return s;
    }

    /** Item j's vector (row-major offset j · f), for explanations. */
    final double component(int j, int k) {
        return vectors[j * f + k];
    }

    /**
     * Each user b in [0, m)'s best items outside their history: the heap b keeps (reset by the caller to the
     * wanted size) receives every unseen item whose score is not NaN, in the order score descending then index
     * ascending, which is {@link TopN}'s order for a row where every item is scored.
     *
     * @param queries   row-major m × f
     * @param histories per user, ascending item indices
     * @param tile      scratch of at least {@link #TILE} doubles
     * @param cursor    scratch of at least m ints
     */
    final void topBlock(double[] queries, int m, int[][] histories, BoundedHeap[] heaps, double[] tile, int[] cursor) {
        java.util.Arrays.fill(cursor, 0, m, 0);
        for (int j0 = 0; j0 < nItems; j0 += TILE) {
            int len = Math.min(TILE, nItems - j0);
            for (int b = 0; b < m; b++) {
                java.util.Arrays.fill(tile, 0, len, 0.0);
                int qo = b * f, k = 0;
                // four factors per pass: one load and store of the running sum per four terms, added in factor order
                for (; k + 4 <= f; k += 4) {
                    double q0 = queries[qo + k], q1 = queries[qo + k + 1], q2 = queries[qo + k + 2], q3 = queries[qo + k + 3];
                    int o0 = k * nItems + j0, o1 = o0 + nItems, o2 = o1 + nItems, o3 = o2 + nItems;
                    for (int t = 0; t < len; t++) {
                        tile[t] = tile[t] + q0 * transposed[o0 + t] + q1 * transposed[o1 + t] + q2 * transposed[o2 + t] + q3 * transposed[o3 + t];
                    }
                }
                for (; k < f; k++) {
                    double qk = queries[qo + k];
                    int o = k * nItems + j0;
                    for (int t = 0; t < len; t++) tile[t] += qk * transposed[o + t];
                }
                BoundedHeap heap = heaps[b];
                int[] hist = histories[b];
                int c = cursor[b];
                for (int t = 0; t < len; t++) {
                    double s = tile[t];
                    int j = j0 + t;
                    if (!heap.admits(s, j) || Double.isNaN(s)) continue;
                    while (c < hist.length && hist[c] < j) c++;
                    if (c < hist.length && hist[c] == j) continue;
                    heap.offer(j, s);
                }
                cursor[b] = c;
            }
        }
    }
}
