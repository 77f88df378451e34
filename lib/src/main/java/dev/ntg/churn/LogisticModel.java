package dev.ntg.churn;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.io.Json;

import java.util.List;

/**
 * L2-penalized logistic regression on standardized features; its coefficients are the drivers: β_j is the change in
 * log-odds of churn per standard deviation of feature j. Fitted by {@link NewtonLogistic}: Newton's method on the
 * penalized log-likelihood, which reaches the optimum to machine precision in a few passes (Smile's L-BFGS took 13.8 s
 * for both models at 25M events and stopped on "Line search fails"). Deterministic: no randomness, sums in row order.
 */
public final class LogisticModel implements ChurnModel {
    private final String name;
    private final List<String> features;
    private final int[] columns;
    private final double[] coefficients;
    private final double intercept;

    private LogisticModel(String name, List<String> features, int[] columns, double[] coefficients, double intercept) {
        this.name = name;
        this.features = features;
        this.columns = columns;
        this.coefficients = coefficients;
        this.intercept = intercept;
    }

    /**
     * Fits on the given columns of z (all columns for the full model, one for the recency baseline), minimizing
     * Σ_i [ln(1 + e^{η_i}) − y_i η_i] + λ/2 Σ_j β_j², η = β_0 + Σ_j β_j z_j (the intercept is not penalized).
     */
    public static LogisticModel fit(String name, List<String> allNames, int[] columns, double[][] z, int[] y, double lambda) {
        double[] w = NewtonLogistic.fit(select(z, columns), y, lambda);
        // w = (β_1 .. β_p, β_0).
        double[] beta = java.util.Arrays.copyOf(w, columns.length);
        List<String> names = java.util.Arrays.stream(columns).mapToObj(allNames::get).toList();
        return new LogisticModel(name, names, columns.clone(), beta, w[columns.length]);
    }

    static double[][] select(double[][] z, int[] columns) {
        double[][] x = new double[z.length][columns.length];
        for (int i = 0; i < z.length; i++) for (int j = 0; j < columns.length; j++) x[i][j] = z[i][columns[j]];
        return x;
    }

    @Override
    public String name() {
        return name;
    }

    public double logit(double[] zRow) {
        double s = intercept;
        for (int j = 0; j < columns.length; j++) s += coefficients[j] * zRow[columns[j]];
        return s;
    }

    /** β_j z_j: how much each feature moves this user's log-odds away from an average user. */
    public double[] contributions(double[] zRow) {
        double[] c = new double[columns.length];
        for (int j = 0; j < columns.length; j++) c[j] = coefficients[j] * zRow[columns[j]];
        return c;
    }

    public List<String> features() {
        return features;
    }

    public double[] coefficients() {
        return coefficients.clone();
    }

    public double intercept() {
        return intercept;
    }

    @Override
    public double[] predict(double[][] z) {
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) p[i] = 1.0 / (1.0 + Math.exp(-logit(z[i])));
        return p;
    }

    @Override
    public ObjectNode describe() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("kind", "logistic_regression");
        o.put("intercept", intercept);
        ArrayNode cs = o.putArray("coefficients");
        for (int j = 0; j < columns.length; j++) {
            ObjectNode c = cs.addObject();
            c.put("feature", features.get(j));
            c.put("coefficient", coefficients[j]);
            c.put("odds_ratio_per_sd", Math.exp(coefficients[j]));
        }
        return o;
    }
}
