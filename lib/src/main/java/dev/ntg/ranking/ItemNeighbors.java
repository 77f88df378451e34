package dev.ntg.ranking;

import dev.ntg.io.DuckSession;

import java.nio.file.Path;

/**
 * The stage-03 graph (item_edges.parquet) on primitive arrays: CSR src → (dst, similarity, co-occurring users),
 * over the ranking's item indices. Edges touching an item unknown to TRAIN are impossible (the graph is built
 * from TRAIN) and would be dropped by the join.
 */
public final class ItemNeighbors {
    final int[] ptr, dst;
    final double[] similarity;
    final long[] cooccurrence;
    /** The same edges by destination: item j's in-edges are inEdge[inPtr[j], inPtr[j + 1]), from inSource, ascending. */
    final int[] inPtr, inEdge, inSource;

    private ItemNeighbors(int[] ptr, int[] dst, double[] similarity, long[] cooccurrence) {
        this.ptr = ptr;
        this.dst = dst;
        this.similarity = similarity;
        this.cooccurrence = cooccurrence;
        int nItems = ptr.length - 1;
        inPtr = new int[nItems + 1];
        for (int d : dst) inPtr[d + 1]++;
        for (int j = 0; j < nItems; j++) inPtr[j + 1] += inPtr[j];
        inEdge = new int[dst.length];
        inSource = new int[dst.length];
        int[] at = java.util.Arrays.copyOf(inPtr, nItems);
        for (int h = 0; h < nItems; h++) {
            for (int e = ptr[h]; e < ptr[h + 1]; e++) {
                int k = at[dst[e]]++;
                inEdge[k] = e;
                inSource[k] = h;
            }
        }
    }

    static ItemNeighbors load(DuckSession duck, Path edges, TrainData train) {
        int nItems = train.nItems;
        String q = "SELECT s.idx AS s, d.idx AS d, e.similarity, e.cooccurrence FROM " + DuckSession.parquet(edges) + " e"
                + " JOIN " + train.itemTable + " s ON s.item_id = e.src JOIN " + train.itemTable + " d ON d.item_id = e.dst";
        int n = (int) duck.queryLong("SELECT count(*) FROM (" + q + ")");
        int[] ptr = new int[nItems + 1], dst = new int[n];
        double[] sim = new double[n];
        long[] co = new long[n];
        int[] at = {0};
        duck.forEach(q + " ORDER BY s, e.rank, d", rs -> {
            int k = at[0]++;
            ptr[rs.getInt(1) + 1]++;
            dst[k] = rs.getInt(2);
            sim[k] = rs.getDouble(3);
            co[k] = rs.getLong(4);
        });
        for (int i = 0; i < nItems; i++) ptr[i + 1] += ptr[i];
        return new ItemNeighbors(ptr, dst, sim, co);
    }

    /** For tests. */
    static ItemNeighbors of(int nItems, int[][] dst, double[][] sim, long[][] co) {
        int[] ptr = new int[nItems + 1];
        for (int i = 0; i < nItems; i++) ptr[i + 1] = ptr[i] + dst[i].length;
        int[] d = new int[ptr[nItems]];
        double[] s = new double[d.length];
        long[] c = new long[d.length];
        for (int i = 0; i < nItems; i++) {
            System.arraycopy(dst[i], 0, d, ptr[i], dst[i].length);
            System.arraycopy(sim[i], 0, s, ptr[i], dst[i].length);
            System.arraycopy(co[i], 0, c, ptr[i], dst[i].length);
        }
        return new ItemNeighbors(ptr, d, s, c);
    }

    int edges() {
        return dst.length;
    }
}
