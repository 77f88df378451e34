package dev.ntg.ranking;

import dev.ntg.concurrent.Parallel;

/**
 * EASE^R (Steck 2019): B = I − P·diag(1/diag(P)) with P = (XᵀX + λI)⁻¹ on the binary TRAIN matrix, diagonal
 * forced to 0; score(j) = Σ_h B(h, j). The inverse is a hand-written Cholesky solve per column in plain Java,
 * so the bits do not depend on a BLAS build or its thread count (columns are independent: parallel is safe).
 * Dense n×n: only built when the catalog is within ranking.ease_max_items.
 */
final class EaseScorer extends Scorer {
    private final int n;
    private final double[] b;
    private final double lambda;

    EaseScorer(TrainData train, double lambda, int threads) {
        this.n = train.nItems;
        this.lambda = lambda;
        double[] g = new double[n * n];
        for (int u = 0; u < train.nUsers; u++) {
            for (int p = train.userPtr[u]; p < train.userPtr[u + 1]; p++) {
                int a = train.items[p];
                for (int q = train.userPtr[u]; q < train.userPtr[u + 1]; q++) g[a * n + train.items[q]] += 1;
            }
        }
        for (int i = 0; i < n; i++) g[i * n + i] += lambda;
        double[] l = cholesky(g, n);
        g = null;
        double[] lt = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) lt[j * n + i] = l[i * n + j];
        double[] p = new double[n * n];
        Parallel.forRange(threads, n, () -> new double[n], (y, from, to) -> {
            for (int c = from; c < to; c++) {
                // L y = e_c (y_k = 0 for k < c), then Lᵀ x = y; x is column c of P.
                java.util.Arrays.fill(y, 0);
                for (int i = c; i < n; i++) {
                    double s = i == c ? 1 : 0;
                    int o = i * n;
                    for (int k = c; k < i; k++) s -= l[o + k] * y[k];
                    y[i] = s / l[o + i];
                }
                for (int i = n - 1; i >= 0; i--) {
                    double s = y[i];
                    int o = i * n;
                    for (int k = i + 1; k < n; k++) s -= lt[o + k] * y[k];
                    y[i] = s / lt[o + i];
                }
                for (int i = 0; i < n; i++) p[i * n + c] = y[i];
            }
        });
        b = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) b[i * n + j] = i == j ? 0 : -p[i * n + j] / p[j * n + j];
        }
    }

    /** Lower-triangular L with L Lᵀ = a (row-major, a symmetric positive definite). */
    static double[] cholesky(double[] a, int n) {
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            int oi = i * n;
            for (int j = 0; j <= i; j++) {
                int oj = j * n;
                double s = a[oi + j];
                for (int k = 0; k < j; k++) s -= l[oi + k] * l[oj + k];
                if (i == j) {
                    if (!(s > 0)) throw new IllegalStateException("EASE^R: the regularized Gram matrix is not positive definite (raise ranking.ease_lambda)");
                    l[oi + i] = Math.sqrt(s);
                } else {
                    l[oi + j] = s / l[oj + j];
                }
            }
        }
        return l;
    }

    @Override
    String name() {
        return "ease";
    }

    @Override
    String description() {
        return "EASE^R: closed-form item-item regression on the binary TRAIN matrix, lambda " + lambda;
    }

    @Override
    void fill(int user, int[] history, ScoreRow row) {
        row.makeDense();
        double[] v = row.v;
        for (int h : history) {
            int o = h * n;
            for (int j = 0; j < n; j++) v[j] += b[o + j];
        }
    }
}
