package dev.ntg.taste;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * A weighted user × item matrix A over the pattern of {@link TasteData} (one value per entry), with the products
 * an eigen-solver needs: {@code A x}, {@code Aᵀ y} and {@code AᵀA x}. Rows (and columns) are cut into a fixed number
 * of blocks that threads take in any order, but each output element is one sum in one fixed order, so the result
 * is bit-identical for any thread count. A matrix that is a binary pattern scaled by rows and columns,
 * A = S_u B S_i (the degree-normalised matrix of the taste axes), keeps only the two scale vectors: its Gram product
 * then reads one index per entry instead of an index and a value, which halves the memory traffic of the eigen-solver.
 */
final class SparseGram {
    private static final int BLOCKS = 64;
    private final TasteData d;
    private final double[] rowValues;
    private final double[] colValues;
    private final double[] tmp;
    private final ForkJoinPool pool;
    /** Row and column scales of A = S_u B S_i (B the pattern of {@code d}), or null when A has explicit values. */
    private final double[] rowScale2;
    private final double[] colScale;
    private final double[] scaledIn;

    /** @param values one value per CSR entry of {@code d} (0 drops the entry) */
    SparseGram(TasteData d, double[] values, ForkJoinPool pool) {
        this.d = d;
        this.rowValues = values;
        this.colValues = new double[values.length];
        for (int p = 0; p < values.length; p++) colValues[p] = values[d.itemPos[p]];
        this.tmp = new double[d.nUsers];
        this.pool = pool;
        this.rowScale2 = null;
        this.colScale = null;
        this.scaledIn = null;
    }

    /** A = diag(rowScale) B diag(colScale) over the pattern B of {@code d}; only {@link #gram} is offered. */
    private SparseGram(TasteData d, double[] rowScale, double[] colScale, ForkJoinPool pool) {
        this.d = d;
        this.rowValues = null;
        this.colValues = null;
        this.tmp = new double[d.nUsers];
        this.pool = pool;
        this.rowScale2 = new double[d.nUsers];
        for (int u = 0; u < d.nUsers; u++) rowScale2[u] = rowScale[u] * rowScale[u];
        this.colScale = colScale.clone();
        this.scaledIn = new double[d.nItems];
    }

    static SparseGram scaled(TasteData d, double[] rowScale, double[] colScale, ForkJoinPool pool) {
        if (rowScale.length != d.nUsers || colScale.length != d.nItems) throw new IllegalArgumentException("scales do not match the matrix");
        return new SparseGram(d, rowScale, colScale, pool);
    }

    int items() {
        return d.nItems;
    }

    int users() {
        return d.nUsers;
    }

    /** y[yOff + u] = Σ_i A[u,i] x[xOff + i]. */
    void times(double[] x, int xOff, double[] y, int yOff) {
        if (rowValues == null) throw new IllegalStateException("a scaled pattern offers only gram()");
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
        if (rowValues == null) throw new IllegalStateException("a scaled pattern offers only gram()");
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
        if (colScale == null) {
            times(work, in, tmp, 0);
            transposeTimes(tmp, 0, work, out);
            return;
        }
        // S_i Bᵀ S_u² B S_i x: scale, gather-add over rows, scale, gather-add over columns, scale.
        for (int i = 0; i < d.nItems; i++) scaledIn[i] = colScale[i] * work[in + i];
        run(d.nUsers, (from, to) -> {
            for (int u = from; u < to; u++) {
                double s = 0;
                for (int q = d.userPtr[u]; q < d.userPtr[u + 1]; q++) s += scaledIn[d.items[q]];
                tmp[u] = rowScale2[u] * s;
            }
        });
        run(d.nItems, (from, to) -> {
            for (int i = from; i < to; i++) {
                double s = 0;
                for (int p = d.itemPtr[i]; p < d.itemPtr[i + 1]; p++) s += tmp[d.itemUsers[p]];
                work[out + i] = colScale[i] * s;
            }
        });
    }

    /** Σ A[u,i]²: the squared Frobenius norm. */
    double frobenius2() {
        if (rowValues == null) throw new IllegalStateException("a scaled pattern offers only gram()");
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
