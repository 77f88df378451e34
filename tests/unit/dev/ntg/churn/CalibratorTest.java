package dev.ntg.churn;

import dev.ntg.eval.ExpectedCalibrationError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("calibrators")
class CalibratorTest {
    /** Overconfident raw scores: the true probability is sigmoid(logit(raw) / 2), a miscalibration Platt's family contains. */
    static double[][] overconfident(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] raw = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            raw[i] = 0.001 + 0.998 * rng.nextDouble();
            double truth = 1 / (1 + Math.exp(-Calibrator.logit(raw[i]) / 2));
            y[i] = rng.nextDouble() < truth ? 1 : 0;
        }
        return new double[][]{raw, y};
    }

    static int[] ints(double[] y) {
        int[] out = new int[y.length];
        for (int i = 0; i < y.length; i++) out[i] = (int) y[i];
        return out;
    }

    @Test
    @DisplayName("none leaves probabilities unchanged")
    void none() {
        assertEquals(0.37, Calibrator.none().apply(0.37));
    }

    @Test
    @DisplayName("Platt and isotonic both remove most of a planted miscalibration on fresh data")
    void fixMiscalibration() {
        double[][] fit = overconfident(20_000, 1), test = overconfident(20_000, 2);
        double before = ExpectedCalibrationError.equalMass(10).of(test[0], test[1]);
        for (Calibrator c : new Calibrator[]{Calibrator.platt(fit[0], ints(fit[1])), Calibrator.isotonic(fit[0], ints(fit[1]))}) {
            double after = ExpectedCalibrationError.equalMass(10).of(c.apply(test[0]), test[1]);
            assertTrue(before > 0.08, "planted ECE " + before);
            assertTrue(after < 0.02, c.name() + " leaves ECE " + after);
        }
    }

    @Test
    @DisplayName("Platt's readable parameters reproduce its output: 1 / (1 + exp(alpha·logit(raw) + beta))")
    void plattParameters() {
        double[][] fit = overconfident(5_000, 3);
        Calibrator c = Calibrator.platt(fit[0], ints(fit[1]));
        double alpha = c.describe().get("alpha").asDouble(), beta = c.describe().get("beta").asDouble();
        double raw = 0.8;
        assertEquals(1 / (1 + Math.exp(alpha * Calibrator.logit(raw) + beta)), c.apply(raw), 1e-12);
        // Overconfident scores are shrunk toward 0.5 (|alpha| < 1 on the logit scale).
        assertTrue(Math.abs(alpha) < 1, "alpha " + alpha);
    }

    @Test
    @DisplayName("isotonic is non-decreasing in the raw probability")
    void isotonicMonotone() {
        double[][] fit = overconfident(5_000, 4);
        Calibrator c = Calibrator.isotonic(fit[0], ints(fit[1]));
        double prev = -1;
        for (int i = 0; i <= 100; i++) {
            double p = c.apply(i / 100.0);
            assertTrue(p >= prev, "drops at " + i);
            prev = p;
        }
    }
}
