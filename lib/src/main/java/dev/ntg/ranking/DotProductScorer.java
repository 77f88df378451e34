package dev.ntg.ranking;

/**
 * A scorer whose score is a dot product, score(u, j) = q_u · V_j: a query vector per user (folded-in factors, a
 * taste profile) against one vector per item. Every item gets a score, so a user's top list could need the whole
 * catalog. {@link #topBlock} scores a block of users per tile of items over Vᵀ: each tile is read from memory once
 * per block, and the inner loop runs across items (independent sums the JIT vectorizes). Each score still adds its
 * f terms in factor order from 0, so it has the bits of {@link #value}, the same sum for one item.
 *
 * <p>Items are scanned longest vector first. By Cauchy–Schwarz no item can score above ‖q‖·‖V_j‖, so once a user's
 * list is full and its worst kept score is above ‖q‖ times the longest vector left, no later item can enter and the
 * user's scan stops: the list is the exact top list, without scoring the catalog's tail.
 */
abstract class DotProductScorer extends Scorer {
    /** Items per tile: Vᵀ's tile (f × TILE doubles) stays in the core's L2 cache while a block of users reads it. */
    static final int TILE = 512;
    /**
     * Headroom on the Cauchy–Schwarz bound for rounding: a computed f-term dot product, and the computed norms,
     * are within a relative (f + 4)·2⁻⁵³ of the exact values for any f below a million; 1e-9 covers that.
     */
    private static final double ROUNDING = 1 + 1e-9;
    private final double[] vectors;
    /** Items by vector length, longest first (ties by index): scan position t holds item order[t]. */
    private final int[] order;
    /** ‖V_order[t]‖, non-increasing in t. */
    private final double[] length;
    /**
     * Vᵀ in scan order as one array per factor, not one f × nItems array: HotSpot's auto-vectorizer (C2 SuperWord;
     * seen on JDK 17 and 25) vectorizes a loop whose arrays are all read at the same index, but not one that reads
     * one array at several offsets or two arrays at different offsets; measured 3.3 → 5.7 GFMA/s per core at f = 32
     * (2026-11-27).
     */
    private final double[][] columns;
    private final int f;
    private final int nItems;
    /** Scores computed and item lists asked of {@link #topBlock}, for the share of users × items actually scored. */
    private final java.util.concurrent.atomic.LongAdder scored = new java.util.concurrent.atomic.LongAdder(),
            lists = new java.util.concurrent.atomic.LongAdder();

    /** @param vectors row-major nItems × f */
    DotProductScorer(double[] vectors, int f) {
        this.vectors = vectors;
        this.f = f;
        this.nItems = vectors.length / f;
        double[] norm = new double[nItems];
        for (int j = 0; j < nItems; j++) {
            double s = 0;
            for (int k = 0; k < f; k++) s += vectors[j * f + k] * vectors[j * f + k];
            norm[j] = Math.sqrt(s);
        }
        order = java.util.stream.IntStream.range(0, nItems).boxed()
                .sorted(java.util.Comparator.<Integer>comparingDouble(j -> -norm[j]).thenComparingInt(j -> j))
                .mapToInt(Integer::intValue).toArray();
        length = new double[nItems];
        columns = new double[f][nItems];
        for (int t = 0; t < nItems; t++) {
            length[t] = norm[order[t]];
            for (int k = 0; k < f; k++) columns[k][t] = vectors[order[t] * f + k];
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

    /**
     * {@link #value} of four items at a time: four independent sums keep the core busy where one sum waits on each
     * addition (a blend's candidates are a few hundred items per user and scorer, 7% of rank's time at 25M events
     * one by one). Each sum still adds its terms in factor order from 0: the bits of {@link #value}.
     */
    @Override
    final void values(ScoreRow row, int[] items, double[] out) {
        double[] q = row.query;
        int m = 0;
        for (; m + 4 <= items.length; m += 4) {
            int o0 = items[m] * f, o1 = items[m + 1] * f, o2 = items[m + 2] * f, o3 = items[m + 3] * f;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int k = 0; k < f; k++) {
                double qk = q[k];
                s0 += qk * vectors[o0 + k];
                s1 += qk * vectors[o1 + k];
                s2 += qk * vectors[o2 + k];
                s3 += qk * vectors[o3 + k];
            }
            out[m] = s0;
            out[m + 1] = s1;
            out[m + 2] = s2;
            out[m + 3] = s3;
        }
        for (; m < items.length; m++) out[m] = value(row, items[m]);
    }

    /** Item j's vector (row-major offset j · f), for explanations. */
    final double component(int j, int k) {
        return vectors[j * f + k];
    }

    /** (user, item) scores computed by {@link #topBlock} so far: users × items without the stopped scans. */
    final long scored() {
        return scored.sum();
    }

    /** {@link #scored} over the users × items a scan of the whole catalog would score (NaN before any list). */
    final double scoredShare() {
        return (double) scored.sum() / ((double) lists.sum() * nItems);
    }

    /**
     * Each user b in [0, m)'s best items outside their history: the heap b keeps (reset by the caller to the
     * wanted size) receives every unseen item whose score is not NaN and could still enter, and ends with the
     * pairs of {@link TopN}'s order for a row where every item is scored (score descending, then index ascending).
     *
     * @param queries row-major m × f
     * @param seen    per item, bit b set when the item is in user b's history (m ≤ 16)
     * @param scores  scratch of at least nItems doubles (only the current tile's slice is used at a time)
     */
    final void topBlock(double[] queries, int m, char[] seen, BoundedHeap[] heaps, double[] scores) {
        if (m > Character.SIZE) throw new IllegalArgumentException("a block of " + m + " users does not fit the 16 history bits");
        double[] reach = new double[m];
        boolean[] stopped = new boolean[m];
        int open = 0;
        for (int b = 0; b < m; b++) {
            double q2 = 0;
            for (int k = 0; k < f; k++) q2 += queries[b * f + k] * queries[b * f + k];
            reach[b] = Math.sqrt(q2) * ROUNDING;
            stopped[b] = heaps[b].capacity() == 0;
            if (!stopped[b]) open++;
        }
        long count = 0;
        for (int t0 = 0; t0 < nItems && open > 0; t0 += TILE) {
            int end = Math.min(t0 + TILE, nItems);
            for (int b = 0; b < m; b++) {
                if (stopped[b]) continue;
                BoundedHeap heap = heaps[b];
                // Every later item is at most length[t0] long: none can reach the worst kept score.
                if (heap.full() && reach[b] * length[t0] < heap.worstScore()) {
                    stopped[b] = true;
                    open--;
                    continue;
                }
                accumulate(queries, b * f, scores, t0, end);
                offerUnseen(scores, t0, end, heap, seen, (char) (1 << b));
                count += end - t0;
            }
        }
        scored.add(count);
        lists.add(m);
    }

    /** scores[from, to) = the query at queries[qo, qo + f) dotted with the items at scan positions [from, to), each summed in factor order from 0. */
    private void accumulate(double[] queries, int qo, double[] scores, int from, int to) {
        double[][] cols = columns;
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
     * Offers the items at scan positions [from, to) that are not in the history to the heap. Once the heap is full
     * a score enters only when it ranks above the worst kept pair: one comparison for almost every item, the index
     * and the history bit only for the few that pass it. A bit per user and item, not a binary search of the history:
     * the search was 8% of rank's time at 25M events, the first tile of every list asking it for each of its items.
     */
    private void offerUnseen(double[] scores, int from, int to, BoundedHeap heap, char[] seen, char bit) {
        int t = from;
        for (; t < to && !heap.full(); t++) {
            double s = scores[t];
            int j = order[t];
            if (!Double.isNaN(s) && (seen[j] & bit) == 0) heap.offer(j, s);
        }
        if (t == to) return;
        double floor = heap.worstScore();
        for (; t < to; t++) {
            double s = scores[t];
            if (!(s >= floor)) continue;   // also skips NaN
            int j = order[t];
            if (!heap.admits(s, j) || (seen[j] & bit) != 0) continue;
            heap.offer(j, s);
            floor = heap.worstScore();
        }
    }
}
