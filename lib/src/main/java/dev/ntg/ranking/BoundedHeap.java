package dev.ntg.ranking;

/**
 * The best {@code capacity} (item, score) pairs offered so far, in the ranking's total order: score descending,
 * then item index ascending. A min-heap whose root is the worst kept pair, so a pair that cannot enter costs one
 * comparison. Reused from user to user by one worker thread.
 * Apart from the graph's TopK because callers drop NaN first and no count rides along: fewer compares and swaps.
 */
final class BoundedHeap {
    private final int[] item;
    private final double[] score;
    private int capacity;
    private int size;

    BoundedHeap(int maxCapacity) {
        item = new int[maxCapacity];
        score = new double[maxCapacity];
    }

    /** Empties the heap and sets how many pairs it keeps (at most the constructor's maximum). */
    void reset(int capacity) {
        if (capacity > item.length) throw new IllegalArgumentException("capacity " + capacity + " > " + item.length);
        this.capacity = capacity;
        size = 0;
    }

    int maxCapacity() {
        return item.length;
    }

    int size() {
        return size;
    }

    int capacity() {
        return capacity;
    }

    boolean full() {
        return size >= capacity;
    }

    /** The worst kept score (the root); only meaningful when the heap is full (before that it is not yet a heap). */
    double worstScore() {
        return score[0];
    }

    /** Whether (s, j) would enter: the heap has room, or it ranks above the worst kept pair. */
    boolean admits(double s, int j) {
        return size < capacity || better(s, j, score[0], item[0]);
    }

    /**
     * Until the heap is full, pairs are only appended and then heapified at once (Floyd, linear in the capacity):
     * every list's first pairs all enter, so ordering them one by one as they come buys nothing.
     */
    void offer(int j, double s) {
        if (size < capacity) {
            item[size] = j;
            score[size] = s;
            if (++size == capacity) heapify();
        } else if (better(s, j, score[0], item[0])) {
            item[0] = j;
            score[0] = s;
            down(0);
        }
    }

    /** Moves the kept items, best first, into out[at, at + size) and empties the heap; returns the count. */
    int drainInto(int[] out, int at) {
        if (size < capacity) heapify();
        int m = size;
        for (int k = m - 1; k >= 0; k--) {
            out[at + k] = item[0];
            item[0] = item[--size];
            score[0] = score[size];
            down(0);
        }
        return m;
    }

    /** (s, j) ranks above (t, k). */
    static boolean better(double s, int j, double t, int k) {
        return s > t || (s == t && j < k);
    }

    private void heapify() {
        for (int i = size / 2 - 1; i >= 0; i--) down(i);
    }

    private void down(int i) {
        while (true) {
            int l = 2 * i + 1, r = l + 1, w = i;
            if (l < size && better(score[w], item[w], score[l], item[l])) w = l;
            if (r < size && better(score[w], item[w], score[r], item[r])) w = r;
            if (w == i) return;
            swap(i, w);
            i = w;
        }
    }

    private void swap(int a, int b) {
        int t = item[a];
        item[a] = item[b];
        item[b] = t;
        double d = score[a];
        score[a] = score[b];
        score[b] = d;
    }
}
