package dev.ntg.graph;

import java.util.Arrays;

/**
 * For every source item, the candidate edges (similarity, destination, count) that may still make its top K, on
 * flat primitive arrays. A row's list holds at most 2K candidates; when it is full it is cut back to its best K,
 * and the K-th best similarity becomes the row's floor: any later offer strictly below it cannot enter the
 * top K, so it is dropped without touching the list. Candidates at or above the floor are appended, which
 * costs one write where a heap would sift. The order (TopK's: similarity desc, NaN last, destination asc) is
 * total, so what a row finally keeps does not depend on the order of the offers.
 */
final class EdgeCandidates {
    private final int k;
    private final int capacity;
    private final double[] sim;
    /** Destination in the high 32 bits, count (≥ 1) in the low. */
    private final long[] edge;
    private final int[] size;
    private final double[] floor;
    private final TopK cut;

    /** Slots {@code rows} lists of {@code k} edges need: what a caller checks against its memory before building one. */
    static long slots(int rows, int k) {
        return (long) rows * 2 * k;
    }

    EdgeCandidates(int rows, int k) {
        if (slots(rows, k) > Integer.MAX_VALUE - 8) throw new IllegalArgumentException(rows + " lists of " + k + " edges exceed one array");
        this.k = k;
        this.capacity = 2 * k;
        this.sim = new double[rows * capacity];
        this.edge = new long[rows * capacity];
        this.size = new int[rows];
        this.floor = new double[rows];
        Arrays.fill(floor, Double.NEGATIVE_INFINITY);
        this.cut = new TopK(k);
    }

    /** Offers the edge row → dst; a NaN similarity is never below the floor, so it enters and ranks last. */
    void offer(int row, double s, int dst, int count) {
        if (s < floor[row]) return;
        int m = size[row];
        if (m == capacity) m = cutToBest(row);
        int at = row * capacity + m;
        sim[at] = s;
        edge[at] = (long) dst << 32 | count;
        size[row] = m + 1;
    }

    /** Offers the row's candidates to {@code top}. */
    void offerTo(int row, TopK top) {
        for (int at = row * capacity, end = at + size[row]; at < end; at++) top.offer(sim[at], (int) (edge[at] >>> 32), (int) edge[at]);
    }

    /** Replaces the row's list with {@code top}'s edges; a full top K raises the floor to its worst. */
    void replace(int row, TopK top) {
        int m = top.size();
        for (int r = 0, at = row * capacity; r < m; r++, at++) {
            sim[at] = top.simAt(r);
            edge[at] = (long) top.dstAt(r) << 32 | top.cntAt(r);
        }
        size[row] = m;
        // A NaN K-th best says nothing about the numbers still to come.
        if (m == k && !Double.isNaN(top.simAt(0))) floor[row] = Math.max(floor[row], top.simAt(0));
    }

    private int cutToBest(int row) {
        cut.clear();
        offerTo(row, cut);
        replace(row, cut);
        return size[row];
    }
}
