package dev.ntg.churn;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import smile.classification.LogisticRegression;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@DisplayName("logistic regression by Newton's method")
class NewtonLogisticTest {
    @Test
    @DisplayName("one binary feature, no penalty: the log-odds of each group, by hand")
    void binaryFeatureByHand() {
        // x = 0: 30 rows, 10 churned -> beta_0 = ln(10/20); x = 1: 20 rows, 15 churned -> beta_0 + beta_1 = ln(15/5)
        double[][] x = new double[50][1];
        int[] y = new int[50];
        for (int i = 0; i < 50; i++) {
            x[i][0] = i < 30 ? 0 : 1;
            y[i] = (i < 10 || i >= 35) ? 1 : 0;
        }
        double[] w = NewtonLogistic.fit(x, y, 0);
        assertEquals(Math.log(0.5), w[1], 1e-10);
        assertEquals(Math.log(3) - Math.log(0.5), w[0], 1e-10);
    }

    @Test
    @DisplayName("a feature that is constant zero keeps coefficient 0 and the intercept is the base log-odds")
    void constantZeroFeature() {
        double[][] x = new double[40][2];
        int[] y = new int[40];
        for (int i = 0; i < 40; i++) {
            x[i][1] = i % 2 == 0 ? 1 : -1; // independent of the label below: coefficient 0 as well
            y[i] = i % 4 < 2 && i < 20 ? 1 : 0;
        }
        double[] w = NewtonLogistic.fit(x, y, 0);
        assertEquals(0, w[0], 0);
        assertEquals(0, w[1], 1e-10);
        assertEquals(Math.log(10.0 / 30), w[2], 1e-10);
    }

    @Test
    @DisplayName("with a penalty: the penalized gradient vanishes, and Smile's L-BFGS finds the same optimum")
    void penalizedOptimum() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 4000, p = 5;
        double[][] x = new double[n][p];
        int[] y = new int[n];
        double[] truth = {1.5, -0.8, 0.3, 0, 2.0};
        for (int i = 0; i < n; i++) {
            double eta = -0.7;
            for (int j = 0; j < p; j++) {
                x[i][j] = rng.nextGaussian();
                eta += truth[j] * x[i][j];
            }
            y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
        double lambda = 25;
        double[] w = NewtonLogistic.fit(x, y, lambda);
        double[] g = new double[p + 1];
        for (int i = 0; i < n; i++) {
            double eta = w[p];
            for (int j = 0; j < p; j++) eta += w[j] * x[i][j];
            double r = 1 / (1 + Math.exp(-eta)) - y[i];
            for (int j = 0; j < p; j++) g[j] += r * x[i][j];
            g[p] += r;
        }
        for (int j = 0; j < p; j++) assertEquals(0, g[j] + lambda * w[j], 1e-9, "gradient " + j);
        assertEquals(0, g[p], 1e-9, "intercept gradient");
        double[] smile = LogisticRegression.binomial(x, y, lambda, 1e-10, 1000).coefficients();
        for (int j = 0; j <= p; j++) assertEquals(smile[j], w[j], 1e-5, "coefficient " + j);
    }

    @Test
    @DisplayName("labels other than 0/1 and a negative penalty are refused")
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> NewtonLogistic.fit(new double[][]{{1}, {2}}, new int[]{0, 2}, 0));
        assertThrows(IllegalArgumentException.class, () -> NewtonLogistic.fit(new double[][]{{1}, {2}}, new int[]{0, 1}, -1));
    }
}
