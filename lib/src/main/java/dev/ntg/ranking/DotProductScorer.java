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
    /**
     * Vᵀ as one array per factor, not one f × nItems array: HotSpot's auto-vectorizer (C2 SuperWord; seen on JDK 17
     * and 25) vectorizes a loop whose arrays are all read at the same index, but not one that reads one array at
     * several offsets or two arrays at different offsets; measured 3.3 → 5.7 GFMA/s per core at f = 32 (2026-11-27).
     */
    private final double[][] columns;
    /**
     * Items every user's heap is filled with before the scan: the {@link #SEEDS} items with the longest vectors (ties
     * by index), which win most dot products. A heap filled in index order keeps being beaten (111M root replacements
     * for 42M filled pairs at 10M events); seeded, it starts near its final floor. Their Vᵀ is kept apart so the
     * seed scores come from the same vectorized loop, bit for bit.
     */
    static final int SEEDS = 128;
    private final int[] seeds;
    private final double[][] seedColumns;
    private final boolean[] seeded;
    private final int f;
    private final int nItems;

    /** @param vectors row-major nItems × f */
    DotProductScorer(double[] vectors, int f) {
        this.vectors = vectors;
        this.f = f;
        this.nItems = vectors.length / f;
        columns = new double[f][nItems];
        for (int j = 0; j < nItems; j++) for (int k = 0; k < f; k++) columns[k][j] = vectors[j * f + k];
        double[] norm = new double[nItems];
        for (int j = 0; j < nItems; j++) for (int k = 0; k < f; k++) norm[j] += vectors[j * f + k] * vectors[j * f + k];
        seeds = java.util.stream.IntStream.range(0, nItems).boxed()
                .sorted(java.util.Comparator.<Integer>comparingDouble(j -> -norm[j]).thenComparingInt(j -> j))
                .limit(SEEDS).mapToInt(Integer::intValue).toArray();
        seeded = new boolean[nItems];
        seedColumns = new double[f][seeds.length];
        for (int t = 0; t < seeds.length; t++) {
            seeded[seeds[t]] = true;
            for (int k = 0; k < f; k++) seedColumns[k][t] = vectors[seeds[t] * f + k];
        }
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
     * @param scores    scratch of at least nItems doubles (only the current tile's slice is used at a time)
     * @param cursor    scratch of at least m ints
     */
    final void topBlock(double[] queries, int m, int[][] histories, BoundedHeap[] heaps, double[] scores, int[] cursor) {
        java.util.Arrays.fill(cursor, 0, m, 0);
        for (int b = 0; b < m; b++) {
            if (heaps[b].capacity() == 0) continue;
            accumulate(seedColumns, queries, b * f, scores, 0, seeds.length);
            for (int t = 0; t < seeds.length; t++) {
                double s = scores[t];
                if (!Double.isNaN(s) && java.util.Arrays.binarySearch(histories[b], seeds[t]) < 0) heaps[b].offer(seeds[t], s);
            }
        }
        for (int j0 = 0; j0 < nItems; j0 += TILE) {
            int end = Math.min(j0 + TILE, nItems);
            for (int b = 0; b < m; b++) {
                accumulate(columns, queries, b * f, scores, j0, end);
                cursor[b] = offerUnseen(scores, j0, end, heaps[b], histories[b], cursor[b]);
            }
        }
    }

    /** scores[from, to) = the query at queries[qo, qo + f) dotted with the vectors in cols, each summed in factor order from 0. */
    private void accumulate(double[][] cols, double[] queries, int qo, double[] scores, int from, int to) {
        java.util.Arrays.fill(scores, from, to, 0.0);
        int k = 0;
        // four factors per pass: one load and store of the running sum per four terms, added in factor order
        for (; k + 4 <= f; k += 4) {
            double q0 = queries[qo + k], q1 = queries[qo + k + 1], q2 = queries[qo + k + 2], q3 = queries[qo + k + 3];
            double[] v0 = cols[k], v1 = cols[k + 1], v2 = cols[k + 2], v3 = cols[k + 3];
            for (int j = from; j < to; j++) scores[j] = scores[j] + q0 * v0[j] + q1 * v1[j] + q2 * v2[j] + q3 * v3[j];
        }
        for (; k < f; k++) {
            double qk = queries[qo + k];
            double[] v = cols[k];
            for (int j = from; j < to; j++) scores[j] += qk * v[j];
        }
    }

    /**
     * Offers items [from, to) that are neither seeds nor in the history to the heap; c is the history cursor (first
     * history item not below from), returned advanced. Once the heap is full a score enters only when it ranks above
     * the worst kept pair: one comparison for almost every item, the index only on a tie (seeds arrive out of order).
     */
    private int offerUnseen(double[] scores, int from, int to, BoundedHeap heap, int[] hist, int c) {
        int j = from;
        for (; j < to && !heap.full(); j++) {
            double s = scores[j];
            if (Double.isNaN(s) || seeded[j]) continue;
            while (c < hist.length && hist[c] < j) c++;
            if (c < hist.length && hist[c] == j) continue;
            heap.offer(j, s);
        }
        if (j == to || heap.capacity() == 0) return c;
        double floor = heap.worstScore();
        for (; j < to; j++) {
            double s = scores[j];
            if (!(s >= floor)) continue;   // also skips NaN
            if ((s == floor && !heap.admits(s, j)) || seeded[j]) continue;
            while (c < hist.length && hist[c] < j) c++;
            if (c < hist.length && hist[c] == j) continue;
            heap.offer(j, s);
            floor = heap.worstScore();
        }
        return c;
    }
}
