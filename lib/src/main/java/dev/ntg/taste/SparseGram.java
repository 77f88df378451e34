package dev.ntg.taste;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * A weighted user × item matrix A over the pattern of {@link TasteData} (one value per entry), with the products
 * an eigen-solver needs: {@code A x}, {@code Aᵀ y} and {@code AᵀA x}. Rows (and columns) are cut into a fixed number
 * of blocks that threads take in any order, but each output element is one sum in one fixed order, so the result
 * is bit-identical for any thread count.
 */
final class SparseGram {
    private static final int BLOCKS = 64;
    private final TasteData d;
    private final double[] rowValues;
    private final double[] colValues;
    private final double[] tmp;
    private final ForkJoinPool pool;

    /** @param values one value per CSR entry of {@code d} (0 drops the entry) */
    SparseGram(TasteData d, double[] values, ForkJoinPool pool) {
        this.d = d;
        this.rowValues = values;
        this.colValues = new double[values.length];
        for (int p = 0; p < values.length; p++) colValues[p] = values[d.itemPos[p]];
        this.tmp = new double[d.nUsers];
        this.pool = pool;
    }

    int items() {
        return d.nItems;
    }

    int users() {
        return d.nUsers;
    }

    /** y[yOff + u] = Σ_i A[u,i] x[xOff + i]. */
    void times(double[] x, int xOff, double[] y, int yOff) {
        run(d.nUsers, (from, to) -> {
            for (int u = from; u < to; u++) {
                double s = 0;
                for (int q = d.userPtr[u]; q < d.userPtr[u + 1]; q++) s += rowValues[q] * x[xOff + d.items[q]];
                y[yOff + u] = s;
            }
        });
    }

    /** z[zOff + i] = Σ_u A[u,i] y[yOff + u]. */
    void transposeTimes(double[] y, int yOff, double[] z, int zOff) {
        run(d.nItems, (from, to) -> {
            for (int i = from; i < to; i++) {
                double s = 0;
                for (int p = d.itemPtr[i]; p < d.itemPtr[i + 1]; p++) s += colValues[p] * y[yOff + d.itemUsers[p]];
                z[zOff + i] = s;
            }
        });
    }

    /** work[out..] = AᵀA work[in..] (the item-side Gram operator, symmetric). */
    void gram(double[] work, int in, int out) {
        times(work, in, tmp, 0);
        transposeTimes(tmp, 0, work, out);
    }

    /** Σ A[u,i]²: the squared Frobenius norm. */
    double frobenius2() {
        double s = 0;
        for (double v : rowValues) s += v * v;
        return s;
    }

    private interface Range {
        void run(int from, int to);
    }

    private void run(int n, Range r) {
        int blocks = Math.min(BLOCKS, Math.max(1, n));
        if (pool.getParallelism() == 1 || n < 4096) {
            r.run(0, n);
            return;
        }
        pool.submit(() -> IntStream.range(0, blocks).parallel().forEach(b -> r.run((int) ((long) n * b / blocks), (int) ((long) n * (b + 1) / blocks))))
                .join();
    }
}
