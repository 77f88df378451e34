package dev.ntg.eval;

import java.util.Arrays;

/** Growable primitive storage of (prediction, outcome) pairs for metrics that need the whole sample. */
abstract class Pairs implements Metric {
    protected double[] p = new double[64];
    protected double[] y = new double[64];
    protected int n;

    @Override
    public void add(double prediction, double outcome) {
        if (!(prediction >= 0 && prediction <= 1)) throw new IllegalArgumentException("prediction must be in [0, 1], got " + prediction);
        if (!(outcome >= 0 && outcome <= 1)) throw new IllegalArgumentException("outcome must be in [0, 1], got " + outcome);
        if (n == p.length) {
            p = Arrays.copyOf(p, n * 2);
            y = Arrays.copyOf(y, n * 2);
        }
        p[n] = prediction;
        y[n] = outcome;
        n++;
    }

    /** Adds row i of (ps, ys) counts[i] times, rows in the given order (the bootstrap's bulk path; rows already checked). */
    void addWeighted(double[] ps, double[] ys, int[] order, int[] counts, int total) {
        if (p.length < n + total) {
            p = Arrays.copyOf(p, n + total);
            y = Arrays.copyOf(y, n + total);
        }
        for (int i : order) {
            for (int k = counts[i]; k > 0; k--) {
                p[n] = ps[i];
                y[n] = ys[i];
                n++;
            }
        }
    }

    /** Row indices sorted by prediction ascending, ties by insertion order (a stable, deterministic order). */
    protected int[] ascending() {
        int[] a = new int[n], tmp = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        // Bottom-up stable merge sort on primitives; runs already in order are not merged, so rows added in
        // ascending order (as the bootstrap adds them) sort in linear time.
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                int mid = lo + width, hi = Math.min(lo + 2 * width, n);
                if (p[a[mid - 1]] <= p[a[mid]]) continue;
                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi) tmp[k++] = p[a[j]] < p[a[i]] ? a[j++] : a[i++];
                while (i < mid) tmp[k++] = a[i++];
                while (j < hi) tmp[k++] = a[j++];
                System.arraycopy(tmp, lo, a, lo, hi - lo);
            }
        }
        return a;
    }

    /** Row indices sorted by prediction descending, ties by insertion order: the ascending tie groups in reverse. */
    protected int[] descending() {
        int[] asc = ascending();
        int[] out = new int[n];
        int k = 0, end = n;
        while (end > 0) {
            int start = end - 1;
            while (start > 0 && p[asc[start - 1]] == p[asc[end - 1]]) start--;
            for (int i = start; i < end; i++) out[k++] = asc[i];
            end = start;
        }
        return out;
    }
}
