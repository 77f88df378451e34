package dev.ntg.churn;

import java.util.List;

/**
 * z = (x − mean) / sd per feature, fitted on the model's training examples only; a missing value (NaN) becomes
 * the mean (z = 0). A constant feature keeps sd 1.
 */
public record Standardizer(List<String> names, double[] mean, double[] sd) {
    public static Standardizer fit(List<String> names, double[][] x) {
        int p = names.size();
        double[] mean = new double[p], sd = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0;
            int n = 0;
            for (double[] row : x) {
                if (!Double.isNaN(row[j])) {
                    s += row[j];
                    n++;
                }
            }
            mean[j] = n == 0 ? 0 : s / n;
            double ss = 0;
            for (double[] row : x) if (!Double.isNaN(row[j])) ss += (row[j] - mean[j]) * (row[j] - mean[j]);
            double v = n == 0 ? 0 : ss / n;
            sd[j] = v > 1e-12 ? Math.sqrt(v) : 1.0;
        }
        return new Standardizer(List.copyOf(names), mean, sd);
    }

    public double[][] apply(double[][] x) {
        double[][] z = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            z[i] = new double[mean.length];
            for (int j = 0; j < mean.length; j++) z[i][j] = Double.isNaN(x[i][j]) ? 0 : (x[i][j] - mean[j]) / sd[j];
        }
        return z;
    }
}
