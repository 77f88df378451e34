package dev.ntg.churn.boost;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("feature bins")
class FeatureBinsTest {
    @Test
    @DisplayName("few distinct values: one bin per value, cut at the midpoints")
    void oneBinPerValue() {
        assertArrayEquals(new double[]{0.5, 2.0}, FeatureBins.cuts(new double[]{3, 0, 1, 0}, 256));
        assertArrayEquals(new double[0], FeatureBins.cuts(new double[]{7, 7, 7}, 256));
    }

    @Test
    @DisplayName("many distinct values: equal-frequency bins (0..999 in 4 bins cut after 249, 499, 749)")
    void equalFrequency() {
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) v[i] = v.length - 1 - i;
        assertArrayEquals(new double[]{249.5, 499.5, 749.5}, FeatureBins.cuts(v, 4));
    }

    @Test
    @DisplayName("a value more frequent than n / bins gets a bin of its own and is never split")
    void heavyValue() {
        // n = 13, 2 bins, target 6.5: {1, 2, 3} then ten 5s, which alone pass the target.
        assertArrayEquals(new double[]{4.0}, FeatureBins.cuts(new double[]{5, 5, 1, 5, 5, 5, 2, 5, 5, 5, 3, 5, 5}, 2));
        // The heavy value first: it closes its bin, the rest share one.
        assertArrayEquals(new double[]{5.5}, FeatureBins.cuts(new double[]{5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 6, 7, 8}, 2));
    }

    @Test
    @DisplayName("a training example's bin and the threshold test agree for every cut; never more bins than allowed")
    void codesAgreeWithThresholds() {
        SplittableRandom rng = new SplittableRandom(3);
        double[][] x = new double[5000][2];
        for (double[] row : x) {
            row[0] = Math.floor(rng.nextGaussian() * 40) / 4;   // ~600 distinct values with many ties
            row[1] = rng.nextInt(5) == 0 ? 0.0 : rng.nextDouble(); // 20% zeros, the rest distinct
        }
        FeatureBins bins = FeatureBins.of(x, 64);
        for (int j = 0; j < 2; j++) {
            double[] t = bins.thresholds[j];
            assertTrue(bins.bins(j) <= 64 && bins.bins(j) >= 32, "feature " + j + " has " + bins.bins(j) + " bins");
            for (int b = 1; b < t.length; b++) assertTrue(t[b - 1] < t[b], "thresholds ascend");
            for (int i = 0; i < x.length; i++) {
                int code = bins.codes[i * 2 + j] & 0xFF;
                for (int b = 0; b < t.length; b++) assertEquals(x[i][j] <= t[b], code <= b, "example " + i + " feature " + j + " cut " + b);
            }
        }
    }

    @Test
    @DisplayName("NaN is refused with the example and feature named")
    void nanRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FeatureBins.of(new double[][]{{1, 2}, {3, Double.NaN}}, 256));
        assertEquals("feature 1 of example 1 is NaN", e.getMessage());
    }
}
