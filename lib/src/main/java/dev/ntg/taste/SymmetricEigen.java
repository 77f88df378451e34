package dev.ntg.taste;

import dev.ntg.NtgException;
import org.bytedeco.arpackng.global.arpack;
import smile.math.blas.UPLO;
import smile.math.matrix.Matrix;

import java.util.SplittableRandom;

/**
 * The largest eigenpairs of a symmetric positive semi-definite operator given only as {@code y = Op x}: ARPACK's
 * implicitly restarted Lanczos (dsaupd/dseupd through the bytedeco build Smile uses) for large operators, LAPACK
 * (Smile's dense {@code Matrix.eigen}) for small ones. Unlike Smile's {@code ARPACK.syev}, the Lanczos start
 * vector comes from our seed: ARPACK's own draws from a generator whose state survives between calls in one
 * process, so the second fit of a run would not equal the first fit of the next.
 * Eigenvector signs are fixed: the entry of largest magnitude is positive.
 */
final class SymmetricEigen {
    /** Dimension up to which the operator is materialised and solved densely. */
    static final int DENSE_LIMIT = 400;

    @FunctionalInterface
    interface Operator {
        /** work[out .. out+n) = Op work[in .. in+n). */
        void apply(double[] work, int in, int out);
    }

    /**
     * @param values  eigenvalues, descending
     * @param vectors vectors[j] is the unit eigenvector of values[j]
     * @param steps   operator applications
     */
    record Result(double[] values, double[][] vectors, int steps) {
    }

    private SymmetricEigen() {
    }

    static Result largest(int n, int nev, Operator op, long seed, double tol) {
        return largest(n, nev, op, seed, null, tol);
    }

    /**
     * @param warmStart a vector near the wanted subspace (e.g. the sum of a previous fit's vectors for a slightly
     *                  different matrix), mixed with the seeded random start so that no wanted direction is missed;
     *                  null for the random start alone
     */
    static Result largest(int n, int nev, Operator op, long seed, double[] warmStart, double tol) {
        if (nev < 1 || nev > n) throw new IllegalArgumentException("nev " + nev + " outside 1.." + n);
        if (warmStart != null && warmStart.length != n) throw new IllegalArgumentException("warm start of length " + warmStart.length + ", not " + n);
        BlasThreads.pin();
        Result r = n <= DENSE_LIMIT || nev >= n - 1 ? dense(n, nev, op) : arpack(n, nev, op, seed, warmStart, tol);
        for (double[] v : r.vectors) fixSign(v);
        return r;
    }

    private static Result dense(int n, int nev, Operator op) {
        double[] work = new double[2 * n];
        Matrix m = new Matrix(n, n);
        for (int j = 0; j < n; j++) {
            java.util.Arrays.fill(work, 0);
            work[j] = 1;
            op.apply(work, 0, n);
            for (int i = 0; i < n; i++) m.set(i, j, work[n + i]);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (m.get(i, j) + m.get(j, i));
                m.set(i, j, s);
                m.set(j, i, s);
            }
        }
        m.uplo(UPLO.LOWER);
        Matrix.EVD evd = m.eigen(false, true, true).sort();
        double[] values = new double[nev];
        double[][] vectors = new double[nev][n];
        for (int k = 0; k < nev; k++) {
            values[k] = evd.wr[k];
            for (int i = 0; i < n; i++) vectors[k][i] = evd.Vr.get(i, k);
        }
        return new Result(values, vectors, n);
    }

    private static Result arpack(int n, int nev, Operator op, long seed, double[] warmStart, double tol) {
        int ncv = Math.min(Math.max(2 * nev + 1, nev + 16), n);
        int[] ido = {0};
        byte[] bmat = {'I'};
        byte[] which = {'L', 'A'};
        double[] resid = new double[n];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) resid[i] = rng.nextDouble() - 0.5;
        if (warmStart != null) {
            // Random part at 5% of the warm part's norm: enough to reach any direction the warm start lacks.
            double w = 0, r = 0;
            for (int i = 0; i < n; i++) {
                w += warmStart[i] * warmStart[i];
                r += resid[i] * resid[i];
            }
            double scale = w > 0 && r > 0 ? 0.05 * Math.sqrt(w / r) : 1;
            for (int i = 0; i < n; i++) resid[i] = warmStart[i] + scale * resid[i];
        }
        int[] info = {1}; // 1: start from resid
        double[] v = new double[n * ncv];
        int[] iparam = new int[11];
        iparam[0] = 1;
        iparam[2] = 3000;
        iparam[6] = 1;
        int[] ipntr = new int[14];
        double[] workd = new double[3 * n];
        int lworkl = ncv * (ncv + 8);
        double[] workl = new double[lworkl];
        int steps = 0;
        do {
            arpack.dsaupd_c(ido, bmat, n, which, nev, tol, resid, ncv, v, n, iparam, ipntr, workd, workl, lworkl, info);
            if (ido[0] == -1 || ido[0] == 1) {
                op.apply(workd, ipntr[0] - 1, ipntr[1] - 1);
                steps++;
            }
        } while (ido[0] == -1 || ido[0] == 1);
        if (info[0] < 0) throw new IllegalStateException("ARPACK dsaupd error " + info[0]);
        if (info[0] == 1) throw new NtgException("build-taste: ARPACK did not converge in " + iparam[2] + " restarts (n=" + n + ", nev=" + nev + ")");
        int[] select = new int[ncv];
        double[] d = new double[2 * ncv];
        double[] z = new double[n * nev];
        arpack.dseupd_c(1, new byte[]{'A'}, select, d, z, n, 0.0, bmat, n, which, nev, tol, resid, ncv, v, n, iparam, ipntr, workd, workl,
                lworkl, info);
        if (info[0] != 0) throw new IllegalStateException("ARPACK dseupd error " + info[0]);
        // dseupd returns ascending values; reverse.
        double[] values = new double[nev];
        double[][] vectors = new double[nev][n];
        for (int k = 0; k < nev; k++) {
            int src = nev - 1 - k;
            values[k] = d[src];
            System.arraycopy(z, src * n, vectors[k], 0, n);
        }
        return new Result(values, vectors, steps);
    }

    /** Makes the entry of largest magnitude positive (the first such entry on ties). */
    static void fixSign(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (Math.abs(v[i]) > Math.abs(v[best])) best = i;
        if (v[best] < 0) for (int i = 0; i < v.length; i++) v[i] = -v[i];
    }
}
