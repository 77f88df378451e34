package dev.ntg.graph;

/**
 * A bounded heap on primitive arrays keeping the K best (similarity desc, then destination asc) of the
 * candidates offered. The order is total, so the kept set and its order do not depend on the offer order.
 * Apart from ranking's BoundedHeap because an edge carries its count and a measure's NaN must rank last.
 */
final class TopK {
    private final int capacity;
    private final double[] sim;
    private final int[] dst;
    private final int[] cnt;
    private int size;
    private long offered;

    TopK(int capacity) {
        this.capacity = capacity;
        this.sim = new double[capacity];
        this.dst = new int[capacity];
        this.cnt = new int[capacity];
    }

    void clear() {
        size = 0;
        offered = 0;
    }

    int size() {
        return size;
    }

    long offered() {
        return offered;
    }

    /** True when (s1, d1) ranks below (s2, d2). NaN ranks below every number; equal scores, two NaNs included, by destination. */
    private static boolean worse(double s1, int d1, double s2, int d2) {
        if (s1 < s2) return true;
        if (s1 > s2) return false;
        boolean nan1 = Double.isNaN(s1);
        if (nan1 != Double.isNaN(s2)) return nan1;
        return d1 > d2;
    }

    void offer(double s, int d, int c) {
        offered++;
        if (size < capacity) {
            int k = size++;
            sim[k] = s;
            dst[k] = d;
            cnt[k] = c;
            siftUp(k);
        } else if (worse(sim[0], dst[0], s, d)) {
            sim[0] = s;
            dst[0] = d;
            cnt[0] = c;
            siftDown(0);
        }
    }

    /** The k-th kept candidate in heap order, 0 ≤ k &lt; size; the 0-th is the worst kept. */
    double simAt(int k) {
        return sim[k];
    }

    int dstAt(int k) {
        return dst[k];
    }

    int cntAt(int k) {
        return cnt[k];
    }

    /** Empties the heap into the arrays, best first. */
    void drainBestFirst(int[] d, double[] s, int[] c) {
        for (int k = size - 1; k >= 0; k--) {
            d[k] = dst[0];
            s[k] = sim[0];
            c[k] = cnt[0];
            size--;
            if (size > 0) {
                move(size, 0);
                siftDown(0);
            }
        }
    }

    private void siftUp(int k) {
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (!worse(sim[k], dst[k], sim[parent], dst[parent])) break;
            swap(k, parent);
            k = parent;
        }
    }

    private void siftDown(int k) {
        while (true) {
            int l = 2 * k + 1;
            if (l >= size) return;
            int r = l + 1;
            int w = (r < size && worse(sim[r], dst[r], sim[l], dst[l])) ? r : l;
            if (!worse(sim[w], dst[w], sim[k], dst[k])) return;
            swap(k, w);
            k = w;
        }
    }

    private void move(int from, int to) {
        sim[to] = sim[from];
        dst[to] = dst[from];
        cnt[to] = cnt[from];
    }

    private void swap(int a, int b) {
        double s = sim[a];
        sim[a] = sim[b];
        sim[b] = s;
        int d = dst[a];
        dst[a] = dst[b];
        dst[b] = d;
        int c = cnt[a];
        cnt[a] = cnt[b];
        cnt[b] = c;
    }
}
