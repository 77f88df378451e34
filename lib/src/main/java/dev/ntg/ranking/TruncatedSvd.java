package dev.ntg.ranking;

import dev.ntg.concurrent.Parallel;

import java.util.SplittableRandom;

/**
 * Top right singular vectors of the binary TRAIN user×item matrix X by randomized subspace iteration (Halko,
 * Martinsson and Tropp 2011) in plain Java: a seeded random start, {@code q} power iterations with
 * re-orthonormalization, then the small eigenproblem of BBᵀ (B = QᵀX) by cyclic Jacobi. Deterministic bit for bit
 * (no native BLAS, fixed summation order, thread-independent). Kept small so that stage 04's factors can replace it.
 */
final class TruncatedSvd {
    private TruncatedSvd() {
    }

    /** Item factors (row-major nItems × k, the right singular vectors) and the singular values. */
    record Factors(double[] itemFactors, int k, double[] singularValues) {
    }

    static Factors fit(TrainData x, int factors, int powerIterations, long seed, int threads) {
        int k = Math.min(factors, Math.min(x.nUsers, x.nItems));
        int r = Math.min(k + 10, Math.min(x.nUsers, x.nItems));
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] z = new double[r][x.nItems];
        for (double[] col : z) for (int j = 0; j < col.length; j++) col[j] = rng.nextDouble() * 2 - 1;
        double[][] y = times(x, z, threads);
        orthonormalize(y);
        for (int it = 0; it < powerIterations; it++) {
            z = transposeTimes(x, y, threads);
            orthonormalize(z);
            y = times(x, z, threads);
            orthonormalize(y);
        }
        z = transposeTimes(x, y, threads); // Z = Xᵀ Q = Bᵀ, columns of length nItems
        double[][] c = new double[r][r];
        for (int a = 0; a < r; a++) for (int b = a; b < r; b++) {
            double s = 0;
            for (int j = 0; j < x.nItems; j++) s += z[a][j] * z[b][j];
            c[a][b] = s;
            c[b][a] = s;
        }
        double[][] w = new double[r][r];
        double[] eig = jacobi(c, w);
        Integer[] order = new Integer[r];
        for (int i = 0; i < r; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> eig[a] != eig[b] ? Double.compare(eig[b], eig[a]) : Integer.compare(a, b));
        double[] v = new double[x.nItems * k];
        double[] sv = new double[k];
        for (int f = 0; f < k; f++) {
            int e = order[f];
            double sigma = Math.sqrt(Math.max(eig[e], 0));
            sv[f] = sigma;
            if (sigma == 0) continue;
            for (int j = 0; j < x.nItems; j++) {
                double s = 0;
                for (int a = 0; a < r; a++) s += z[a][j] * w[a][e];
                v[j * k + f] = s / sigma;
            }
        }
        return new Factors(v, k, sv);
    }

    /** X · cols (each column of length nItems) → columns of length nUsers. */
    private static double[][] times(TrainData x, double[][] cols, int threads) {
        return sparseTimes(x.nUsers, x.userPtr, x.items, cols, threads);
    }

    /** Xᵀ · cols (each of length nUsers) → columns of length nItems. */
    private static double[][] transposeTimes(TrainData x, double[][] cols, int threads) {
        return sparseTimes(x.nItems, x.itemPtr, x.itemUsers, cols, threads);
    }

    /**
     * A binary CSR matrix (rows [0, n), column indices idx[ptr[i], ptr[i + 1])) times r dense columns. The columns
     * are first laid out row by row (r values per index), so each nonzero reads one contiguous row and adds it
     * into r running sums at once, instead of r scattered reads; each sum still adds its terms in nonzero order,
     * so the bits are those of one column at a time.
     */
    private static double[][] sparseTimes(int n, int[] ptr, int[] idx, double[][] cols, int threads) {
        int r = cols.length, m = cols[0].length;
        double[] rows = new double[m * r];
        for (int a = 0; a < r; a++) for (int j = 0; j < m; j++) rows[j * r + a] = cols[a][j];
        double[][] out = new double[r][n];
        Parallel.forRange(threads, n, () -> new double[r], (sum, from, to) -> {
            for (int i = from; i < to; i++) {
                java.util.Arrays.fill(sum, 0.0);
                for (int p = ptr[i]; p < ptr[i + 1]; p++) {
                    int o = idx[p] * r;
                    for (int a = 0; a < r; a++) sum[a] += rows[o + a];
                }
                for (int a = 0; a < r; a++) out[a][i] = sum[a];
            }
        });
        return out;
    }

    /** Modified Gram–Schmidt, twice ("twice is enough"); a column that vanishes stays zero. */
    static void orthonormalize(double[][] cols) {
        for (int pass = 0; pass < 2; pass++) {
            for (int a = 0; a < cols.length; a++) {
                double[] ca = cols[a];
                for (int b = 0; b < a; b++) {
                    double[] cb = cols[b];
                    double d = 0;
                    for (int j = 0; j < ca.length; j++) d += ca[j] * cb[j];
                    for (int j = 0; j < ca.length; j++) ca[j] -= d * cb[j];
                }
                double norm = 0;
                for (double v : ca) norm += v * v;
                norm = Math.sqrt(norm);
                if (norm < 1e-12) java.util.Arrays.fill(ca, 0);
                else for (int j = 0; j < ca.length; j++) ca[j] /= norm;
            }
        }
    }

    /** Cyclic Jacobi eigen-decomposition of a symmetric matrix (overwritten); eigenvectors in the columns of w. */
    static double[] jacobi(double[][] a, double[][] w) {
        int n = a.length;
        for (int i = 0; i < n; i++) w[i][i] = 1;
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) for (int q = p + 1; q < n; q++) off += a[p][q] * a[p][q];
            if (off < 1e-22) break;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (Math.abs(a[p][q]) < 1e-300) continue;
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double c = 1 / Math.sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p], akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k], aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double wkp = w[k][p], wkq = w[k][q];
                        w[k][p] = c * wkp - s * wkq;
                        w[k][q] = s * wkp + c * wkq;
                    }
                }
            }
        }
        double[] e = new double[n];
        for (int i = 0; i < n; i++) e[i] = a[i][i];
        return e;
    }
}
