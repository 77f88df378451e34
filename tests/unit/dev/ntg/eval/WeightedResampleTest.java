package dev.ntg.eval;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A resample given as draw counts must score like the drawn copies added one by one. The tiny sample:
 * p = (0.2, 0.8, 0.5, 0.8), y = (0, 1, 1, 0).
 */
@DisplayName("metrics on bootstrap draw counts")
class WeightedResampleTest {
    static final double[] P = {0.2, 0.8, 0.5, 0.8};
    static final double[] Y = {0, 1, 1, 0};

    static double onCounts(Pairs metric, int... counts) {
        return metric.prepare(P, Y, Weighted.ascending(P, Pairs.identity(P.length))).value(counts);
    }

    @Test
    @DisplayName("counts (2, 1, 0, 1): copies 0.2/0, 0.2/0, 0.8/0, 0.8/1, by hand")
    void handComputed() {
        // positive at 0.8 beats both 0.2 copies and ties the negative 0.8: (2 + 0.5) / 3
        assertEquals(2.5 / 3, onCounts(new RocAuc(), 2, 1, 0, 1), 1e-15);
        // the 0.8 pair enters together: recall 1 at precision 1/2
        assertEquals(0.5, onCounts(new PrAuc(), 2, 1, 0, 1), 1e-15);
        assertEquals(-(3 * Math.log(0.8) + Math.log(0.2)) / 4, onCounts(new LogLoss(), 2, 1, 0, 1), 1e-15);
        // (0.04 + 0.04 + 0.04 + 0.64) / 4
        assertEquals(0.19, onCounts(new BrierScore(), 2, 1, 0, 1), 1e-15);
        // equal mass, 2 bins: {0.2, 0.2} observed 0 (gap 0.2), {0.8, 0.8} observed 0.5 (gap 0.3)
        assertEquals(0.25, onCounts(ExpectedCalibrationError.equalMass(2), 2, 1, 0, 1), 1e-15);
        assertEquals(0.3, onCounts(MaximumCalibrationError.equalMass(2), 2, 1, 0, 1), 1e-15);
        // top quarter = 1 of 4 copies: the tied 0.8 rows in row order, row 1 (a churner) first
        assertEquals(1.0, onCounts(LiftCapture.top(0.25), 2, 1, 0, 1), 1e-15);
    }

    @Test
    @DisplayName("counts (1, 0, 1, 0) draw none of the top predictions: copies 0.2/0, 0.5/1, by hand")
    void topGroupNotDrawn() {
        // thresholds 0.5 (recall 1 at precision 1), then 0.2 (recall unchanged)
        assertEquals(1.0, onCounts(new PrAuc(), 1, 0, 1, 0), 1e-15);
        assertEquals(1.0, onCounts(new RocAuc(), 1, 0, 1, 0), 1e-15);
    }

    @Test
    @DisplayName("a row drawn three times straddles two equal-mass bins")
    void copiesSplitAcrossBins() {
        // counts (3, 1, 0, 0): sorted copies 0.2, 0.2 | 0.2, 0.8/1 -> gaps 0.2 and |0.5 - 0.5| = 0
        assertEquals(0.1, onCounts(ExpectedCalibrationError.equalMass(2), 3, 1, 0, 0), 1e-15);
    }

    @Test
    @DisplayName("every metric equals adding the drawn copies in sorted order (up to rounding)")
    void sameAsCopies() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 500;
        double[] p = new double[n], y = new double[n], truth = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = Math.round(rng.nextDouble() * 40) / 40.0; // many ties
            y[i] = rng.nextDouble() < p[i] ? 1 : 0;
            truth[i] = rng.nextDouble();
        }
        Map<String, Supplier<Pairs>> metrics = new LinkedHashMap<>();
        metrics.put("auc", RocAuc::new);
        metrics.put("ap", PrAuc::new);
        metrics.put("log_loss", LogLoss::new);
        metrics.put("brier", BrierScore::new);
        metrics.put("mae", MeanAbsoluteError::new);
        metrics.put("ece_mass", () -> ExpectedCalibrationError.equalMass(10));
        metrics.put("ece_width", () -> ExpectedCalibrationError.equalWidth(10));
        metrics.put("mce_width", () -> MaximumCalibrationError.equalWidth(10));
        metrics.put("lift_10", () -> LiftCapture.top(0.1));
        int[] order = Weighted.ascending(p, Pairs.identity(n));
        Bootstrap boot = new Bootstrap(20, 3);
        for (double[] outcome : new double[][]{y, truth}) {
            for (var e : metrics.entrySet()) {
                if (outcome == truth && !e.getKey().matches("mae|ece_.*|mce_.*|brier")) continue;
                Weighted w = e.getValue().get().prepare(p, outcome, order);
                for (int r = 0; r < boot.resamples(); r++) {
                    int[] c = boot.counts(r, n);
                    Pairs copies = e.getValue().get();
                    for (int i : order) for (int k = 0; k < c[i]; k++) copies.add(p[i], outcome[i]);
                    assertEquals(copies.value(), w.value(c), 1e-12, e.getKey() + " resample " + r);
                }
            }
        }
    }

    @Test
    @DisplayName("equal-mass bins are the same whether the rows arrive sorted or not, also with more bins than copies")
    void equalMassBinsInAnyVisitOrder() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + rng.nextInt(25), bins = new int[]{1, 2, 3, 7, 10, 16, 40}[rng.nextInt(7)];
            double[] p = new double[n], y = new double[n];
            int[] counts = new int[n];
            for (int i = 0; i < n; i++) {
                p[i] = rng.nextInt(6) / 5.0; // ties
                y[i] = rng.nextInt(2);
                counts[i] = rng.nextInt(4);
            }
            int[] sorted = Weighted.ascending(p, Pairs.identity(n));
            double[] sp = new double[n], sy = new double[n];
            int[] sortedCounts = new int[n];
            for (int k = 0; k < n; k++) {
                sp[k] = p[sorted[k]];
                sy[k] = y[sorted[k]];
                sortedCounts[k] = counts[sorted[k]];
            }
            for (Pairs m : new Pairs[]{ExpectedCalibrationError.equalMass(bins), MaximumCalibrationError.equalMass(bins)}) {
                double unsorted = m.prepare(p, y, Pairs.identity(n)).value(counts);
                double inOrder = m.prepare(sp, sy, Pairs.identity(n)).value(sortedCounts);
                assertEquals(unsorted, inOrder, 1e-12, "n " + n + ", bins " + bins + ", trial " + trial);
            }
        }
    }

    @Test
    @DisplayName("intervals and paired differences are percentiles over the very resamples indices() draws")
    void intervalsUseTheDrawnResamples() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 300;
        double[] p = new double[n], q = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = Math.round(rng.nextDouble() * 30) / 30.0;
            q[i] = rng.nextDouble();
            y[i] = rng.nextDouble() < p[i] ? 1 : 0;
        }
        Map<String, Supplier<Pairs>> metrics = new LinkedHashMap<>();
        metrics.put("auc", RocAuc::new);
        metrics.put("log_loss", LogLoss::new);
        metrics.put("ece_mass", () -> ExpectedCalibrationError.equalMass(10));
        Bootstrap boot = new Bootstrap(40, 9);
        Map<String, Interval> got = boot.intervals(p, y, metrics);
        int[] order = Weighted.ascending(p, Pairs.identity(n));
        for (var e : metrics.entrySet()) {
            double[] reps = new double[boot.resamples()];
            for (int r = 0; r < reps.length; r++) {
                int[] c = boot.counts(r, n);
                Pairs copies = e.getValue().get();
                for (int i : order) for (int k = 0; k < c[i]; k++) copies.add(p[i], y[i]);
                reps[r] = copies.value();
            }
            Interval want = boot.summarize(e.getValue().get().of(p, y), reps);
            assertEquals(want.lower(), got.get(e.getKey()).lower(), 1e-12, e.getKey());
            assertEquals(want.upper(), got.get(e.getKey()).upper(), 1e-12, e.getKey());
        }
        double[] diffs = new double[boot.resamples()];
        for (int r = 0; r < diffs.length; r++) {
            int[] c = boot.counts(r, n);
            BrierScore a = new BrierScore(), b = new BrierScore();
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < c[i]; k++) {
                    a.add(q[i], y[i]);
                    b.add(p[i], y[i]);
                }
            }
            diffs[r] = a.value() - b.value();
        }
        Interval paired = boot.paired(q, p, y, BrierScore::new);
        assertEquals(boot.summarize(0, diffs).lower(), paired.lower(), 1e-12);
        assertEquals(boot.summarize(0, diffs).upper(), paired.upper(), 1e-12);
    }
}
