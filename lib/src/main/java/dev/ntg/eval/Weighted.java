package dev.ntg.eval;

/**
 * A metric prepared once on a fixed sample and then evaluated on multiplicities of its rows: every row once (the
 * sample itself) or a bootstrap resample given as how often each row was drawn. Evaluating a resample this way
 * never copies rows and reuses what the preparation computed (sort orders, per-row terms), which is what makes
 * a thousand resamples cheap. Rows are visited in the order given at preparation, a row drawn c times counting c
 * times at once (c·term rather than c additions: sums of non-integers may differ from one-by-one copies in the
 * last bits; with every count 1 the sums are the plain ones). Implementations keep no mutable state: resamples
 * run in parallel on one instance.
 */
interface Weighted {
    /** @param counts how often each row (indexed like p and y) is drawn; null means once each */
    double value(int[] counts);

    static int count(int[] counts, int row) {
        return counts == null ? 1 : counts[row];
    }

    /**
     * Positions in {@code visit} sorted by prediction ascending, ties by position: a bottom-up stable merge sort on
     * primitives that skips runs already in order, so an already sorted visit order costs linear time.
     */
    static int[] ascending(double[] p, int[] visit) {
        int n = visit.length;
        int[] a = new int[n], tmp = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                int mid = lo + width, hi = Math.min(lo + 2 * width, n);
                if (p[visit[a[mid - 1]]] <= p[visit[a[mid]]]) continue;
                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi) tmp[k++] = p[visit[a[j]]] < p[visit[a[i]]] ? a[j++] : a[i++];
                while (i < mid) tmp[k++] = a[i++];
                while (j < hi) tmp[k++] = a[j++];
                System.arraycopy(tmp, lo, a, lo, hi - lo);
            }
        }
        return a;
    }
}
