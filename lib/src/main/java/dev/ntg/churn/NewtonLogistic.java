package dev.ntg.churn;

/**
 * Newton's method for L2-penalized logistic regression with few features: each pass sums the gradient and the
 * Hessian Σ μ(1 − μ) x xᵀ over the rows (p + 1 columns, the last the intercept) and solves for the step by Cholesky.
 * A step that does not lower the objective is halved, so every pass improves it even far from the optimum. A
 * feature that is constant zero (a standardized constant) gets no curvature; the solve then adds a ridge of 1e-12
 * times the largest diagonal entry, which leaves its coefficient at 0. Stops when no coefficient moves by more than
 * 1e-10 (relative to max(1, |w|)) or after 100 passes.
 */
final class NewtonLogistic {
    static final int MAX_PASSES = 100;
    static final double TOLERANCE = 1e-10;

    private NewtonLogistic() {
    }

    /** @return w = (β_1 .. β_p, β_0) minimizing Σ [ln(1 + e^η) − y η] + λ/2 Σ_{j<p} β_j² */
    static double[] fit(double[][] x, int[] y, double lambda) {
        if (lambda < 0) throw new IllegalArgumentException("the L2 penalty must be >= 0, got " + lambda);
        int n = x.length, p = n == 0 ? 0 : x[0].length, m = p + 1;
        for (int label : y) if (label != 0 && label != 1) throw new IllegalArgumentException("labels must be 0 or 1, got " + label);
        double[] w = new double[m], g = new double[m], step = new double[m], trial = new double[m];
        double[][] h = new double[m][m];
        double f = objective(x, y, lambda, w);
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            gradientAndHessian(x, y, lambda, w, g, h);
            solve(h, g, step);
            double t = 1, ft;
            do {
                for (int j = 0; j < m; j++) trial[j] = w[j] - t * step[j];
                ft = objective(x, y, lambda, trial);
                t /= 2;
            } while (!(ft <= f) && t > 1e-10);
            if (!(ft <= f)) break; // no descent left at machine precision
            double moved = 0;
            for (int j = 0; j < m; j++) moved = Math.max(moved, Math.abs(trial[j] - w[j]) / Math.max(1, Math.abs(trial[j])));
            System.arraycopy(trial, 0, w, 0, m);
            f = ft;
            if (moved <= TOLERANCE) break;
        }
        return w;
    }

    private static double eta(double[] xi, double[] w) {
        int p = xi.length;
        double s = w[p];
        for (int j = 0; j < p; j++) s += w[j] * xi[j];
        return s;
    }

    /** ln(1 + e^η) without overflow. */
    private static double softplus(double eta) {
        return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
    }

    static double objective(double[][] x, int[] y, double lambda, double[] w) {
        double f = 0;
        for (int i = 0; i < x.length; i++) {
            double e = eta(x[i], w);
            f += softplus(e) - y[i] * e;
        }
        double penalty = 0;
        for (int j = 0; j + 1 < w.length; j++) penalty += w[j] * w[j];
        return f + 0.5 * lambda * penalty;
    }

    private static void gradientAndHessian(double[][] x, int[] y, double lambda, double[] w, double[] g, double[][] h) {
        int p = w.length - 1;
        java.util.Arrays.fill(g, 0);
        for (double[] row : h) java.util.Arrays.fill(row, 0);
        for (int i = 0; i < x.length; i++) {
            double[] xi = x[i];
            double mu = 1 / (1 + Math.exp(-eta(xi, w)));
            double r = mu - y[i], v = mu * (1 - mu);
            for (int j = 0; j < p; j++) {
                g[j] += r * xi[j];
                double vx = v * xi[j];
                for (int k = 0; k <= j; k++) h[j][k] += vx * xi[k];
                h[p][j] += vx;
            }
            g[p] += r;
            h[p][p] += v;
        }
        for (int j = 0; j < p; j++) {
            g[j] += lambda * w[j];
            h[j][j] += lambda;
        }
        for (int j = 0; j <= p; j++) for (int k = 0; k < j; k++) h[k][j] = h[j][k];
    }

    /** step = H⁻¹ g by Cholesky (H symmetric positive semi-definite; a tiny ridge where it is singular). */
    private static void solve(double[][] h, double[] g, double[] step) {
        int m = g.length;
        double maxDiag = 0;
        for (int j = 0; j < m; j++) maxDiag = Math.max(maxDiag, h[j][j]);
        double ridge = 0;
        for (int attempt = 0; attempt < 2; attempt++) {
            double[][] l = new double[m][m];
            boolean ok = true;
            for (int j = 0; j < m && ok; j++) {
                for (int k = 0; k <= j; k++) {
                    double s = h[j][k] + (j == k ? ridge : 0);
                    for (int q = 0; q < k; q++) s -= l[j][q] * l[k][q];
                    if (j == k) {
                        if (!(s > 0)) {
                            ok = false;
                            break;
                        }
                        l[j][j] = Math.sqrt(s);
                    } else {
                        l[j][k] = s / l[k][k];
                    }
                }
            }
            if (ok) {
                double[] z = new double[m];
                for (int j = 0; j < m; j++) {
                    double s = g[j];
                    for (int q = 0; q < j; q++) s -= l[j][q] * z[q];
                    z[j] = s / l[j][j];
                }
                for (int j = m - 1; j >= 0; j--) {
                    double s = z[j];
                    for (int q = j + 1; q < m; q++) s -= l[q][j] * step[q];
                    step[j] = s / l[j][j];
                }
                return;
            }
            ridge = 1e-12 * Math.max(maxDiag, 1e-300);
        }
        throw new IllegalStateException("the logistic Hessian is not positive semi-definite even with a ridge (NaN in the features?)");
    }
}
