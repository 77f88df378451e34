package dev.ntg.ranking;

import java.util.Arrays;
import java.util.List;

/**
 * Per-thread scratch for ranking one user at a time: one row per scorer, the history mask, and a row for the
 * blended scores. Dot-product scorers rank a block of users at once ({@link #forEachUser} prepares their lists
 * block by block); nothing else outlives the user being ranked.
 */
final class Workspace {
    /**
     * Users whose dot-product lists are computed together: enough to reuse each tile of item vectors, few enough to
     * keep their heaps in cache (and their histories in the 16 bits of {@link #blockSeen}).
     */
    static final int BLOCK = 16;
    final TrainData train;
    final List<Scorer> scorers;
    final ScoreRow[] rows;
    /** Per scorer, whether its row holds the current user's scores; and a graph walk filled together with it, or -1. */
    private final boolean[] filled;
    private final int[] twin;
    final boolean[] excluded;
    final ScoreRow blendRow;
    final boolean[] inUnion;
    int[] history = new int[0];
    int user = -1;

    private final BoundedHeap[] heaps;
    /** Dot-product scores of one user for the current item tile, indexed by scan position (see DotProductScorer). */
    private final double[] scores;
    private final int[][] blockHistories = new int[BLOCK][];
    /** Per item, bit b set when it is in the history of the prepared block's user b. */
    private final char[] blockSeen;
    /** The same for one user alone (bit 0), outside a prepared block; all zero between uses. */
    private final char[] aloneSeen;
    private int blockSize;
    /** The prepared block: its users, how deep its lists go, the current user's place in it, and per dot-product scorer and user the list. */
    private final int[] blockUsers = new int[BLOCK];
    private int blockDepth, slot;
    private final int[][][] blockTops;
    private final double[][] blockQueries;

    Workspace(TrainData train, List<Scorer> scorers) {
        this.train = train;
        this.scorers = scorers;
        rows = new ScoreRow[scorers.size()];
        for (int s = 0; s < rows.length; s++) {
            Scorer sc = scorers.get(s);
            rows[s] = new ScoreRow(train.nItems, sc instanceof DotProductScorer d ? d.dimension() : 0);
        }
        filled = new boolean[scorers.size()];
        twin = new int[scorers.size()];
        for (int s = 0; s < twin.length; s++) {
            twin[s] = -1;
            for (int o = 0; o < twin.length && twin[s] < 0; o++) {
                if (scorers.get(s) instanceof GraphWalkScorer g && scorers.get(o) instanceof GraphWalkScorer h && g.walksWith(h)) twin[s] = o;
            }
        }
        excluded = new boolean[train.nItems];
        scores = new double[train.nItems];
        blockSeen = new char[train.nItems];
        aloneSeen = new char[train.nItems];
        blendRow = new ScoreRow(train.nItems);
        inUnion = new boolean[train.nItems];
        heaps = new BoundedHeap[BLOCK];
        blockTops = new int[scorers.size()][BLOCK][];
        blockQueries = new double[scorers.size()][];
    }

    /**
     * Loads users[from, to) one by one, in order, and runs body on each; the dot-product scorers' top {@code depth}
     * lists are computed for {@link #BLOCK} users at a time beforehand.
     */
    void forEachUser(int[] users, int from, int to, int depth, java.util.function.IntConsumer body) {
        for (int b0 = from; b0 < to; b0 += BLOCK) {
            int m = Math.min(BLOCK, to - b0);
            prepare(users, b0, m, depth);
            for (int b = 0; b < m; b++) {
                user(users[b0 + b]);
                slot = b;
                body.accept(user);
            }
        }
    }

    private void prepare(int[] users, int at, int m, int depth) {
        for (int b = 0; b < blockSize; b++) for (int h : blockHistories[b]) blockSeen[h] = 0;
        blockSize = m;
        for (int b = 0; b < m; b++) {
            blockUsers[b] = users[at + b];
            blockHistories[b] = train.history(users[at + b]);
            for (int h : blockHistories[b]) blockSeen[h] |= (char) (1 << b);
        }
        for (int s = 0; s < rows.length; s++) {
            if (scorers.get(s) instanceof DotProductScorer d) {
                if (blockQueries[s] == null) blockQueries[s] = new double[BLOCK * d.dimension()];
                dotTops(d, blockUsers, blockHistories, blockSeen, m, depth, blockTops[s], blockQueries[s]);
            }
        }
        blockDepth = depth;
    }

    /**
     * Each of users[0, m)'s top n unseen items by one dot-product scorer; their queries are left in queries (m × f).
     *
     * @param seen bit b of an item set when it is in histories[b]
     */
    private int[][] dotTops(DotProductScorer d, int[] users, int[][] histories, char[] seen, int m, int n, int[][] out, double[] queries) {
        int f = d.dimension();
        for (int b = 0; b < m; b++) {
            d.query(users[b], histories[b], queries, b * f);
            if (heaps[b] == null || heaps[b].maxCapacity() < n) heaps[b] = new BoundedHeap(n);
            heaps[b].reset(Math.min(n, train.nItems - histories[b].length));
        }
        d.topBlock(queries, m, seen, heaps, scores);
        for (int b = 0; b < m; b++) {
            int[] list = new int[heaps[b].size()];
            heaps[b].drainInto(list, 0);
            out[b] = list;
        }
        return out;
    }

    /** Loads user u: history mask set, rows cleared (not filled). */
    void user(int u) {
        for (int h : history) excluded[h] = false;
        user = u;
        history = train.history(u);
        for (int h : history) excluded[h] = true;
        for (ScoreRow r : rows) r.clear();
        java.util.Arrays.fill(filled, false);
        blendRow.clear();
        slot = -1;
    }

    int pool() {
        return train.nItems - history.length;
    }

    /** Fills scorer s for the current user and returns its top n unseen items. */
    int[] top(int s, int n) {
        Scorer sc = scorers.get(s);
        if (!(sc instanceof DotProductScorer d)) {
            fill(s);
            return TopN.select(rows[s], sc, excluded, pool(), n);
        }
        if (slot >= 0 && n <= blockDepth) {
            int f = d.dimension();
            System.arraycopy(blockQueries[s], slot * f, rows[s].query, 0, f);
            return Arrays.copyOf(blockTops[s][slot], Math.min(n, blockTops[s][slot].length));
        }
        // outside a prepared block, or deeper than it: this user alone (which also writes the row's query)
        for (int h : history) aloneSeen[h] = 1;
        try {
            return dotTops(d, new int[]{user}, new int[][]{history}, aloneSeen, 1, n, new int[1][], rows[s].query)[0];
        } finally {
            for (int h : history) aloneSeen[h] = 0;
        }
    }

    /** Fills scorer s's row for the current user once; a graph walk fills its twin's row in the same walk. */
    private void fill(int s) {
        if (filled[s]) return;
        int o = twin[s];
        if (o >= 0 && !filled[o]) {
            ((GraphWalkScorer) scorers.get(s)).fillWith((GraphWalkScorer) scorers.get(o), history, rows[s], rows[o]);
            filled[o] = true;
        } else {
            scorers.get(s).fill(user, history, rows[s]);
        }
        filled[s] = true;
    }

    /** Candidate generation and normalization for the blend's components (indices into {@link #scorers}). */
    Blend.Candidates candidates(int[] componentIdx, int perScorer, int[][] topsOut) {
        int c = componentIdx.length;
        double[] norm = new double[c];
        int count = 0;
        int[] union = new int[Math.min(train.nItems, perScorer * c)];
        for (int k = 0; k < c; k++) {
            int s = componentIdx[k];
            int[] top = top(s, perScorer);
            if (topsOut != null) topsOut[k] = top;
            Scorer sc = scorers.get(s);
            norm[k] = top.length > 0 ? Math.max(sc.value(rows[s], top[0]), 0) : 0;
            for (int j : top) if (!inUnion[j]) {
                inUnion[j] = true;
                union[count++] = j;
            }
        }
        int[] items = Arrays.copyOf(union, count);
        Arrays.sort(items);
        for (int j : items) inUnion[j] = false;
        double[][] values = new double[c][count];
        for (int k = 0; k < c; k++) {
            int s = componentIdx[k];
            double[] v = values[k];
            if (norm[k] > 0) {
                scorers.get(s).values(rows[s], items, v);
                for (int m = 0; m < count; m++) v[m] /= norm[k];
            }
        }
        return new Blend.Candidates(items, values);
    }

    /** The blended top n of the current user's candidates (exact tie-breaking, fillers by index). */
    int[] blendTop(Blend.Candidates cand, double[] weights, int n) {
        blendRow.clear();
        for (int m = 0; m < cand.items().length; m++) blendRow.add(cand.items()[m], cand.score(weights, m));
        return TopN.select(blendRow, null, excluded, pool(), n);
    }
}
