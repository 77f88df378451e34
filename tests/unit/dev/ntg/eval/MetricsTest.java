package dev.ntg.eval;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Hand-computed truth tables. The main sample: p = (0.1, 0.4, 0.35, 0.8), y = (0, 0, 1, 1).
 */
@DisplayName("calibration and ranking metrics")
class MetricsTest {
    static double[] v(String s) {
        return Arrays.stream(s.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }

    static double run(Supplier<? extends Metric> m, String p, String y) {
        return m.get().of(v(p), v(y));
    }

    @ParameterizedTest(name = "Brier of [{0}] vs [{1}] = {2}")
    @CsvSource(delimiter = ';', value = {
            // (0.01 + 0.16 + 0.4225 + 0.04) / 4 = 0.6325 / 4
            "0.1 0.4 0.35 0.8; 0 0 1 1; 0.158125",
            // perfect: 0
            "0 1; 0 1; 0",
            // (0.25 + 0.25) / 2
            "0.5 0.5; 0 1; 0.25"})
    void brier(String p, String y, double expected) {
        assertEquals(expected, run(BrierScore::new, p, y), 1e-12);
    }

    @ParameterizedTest(name = "log loss of [{0}] vs [{1}] = {2}")
    @CsvSource(delimiter = ';', value = {
            // −(ln 0.9 + ln 0.6 + ln 0.35 + ln 0.8) / 4 = (0.1053605 + 0.5108256 + 1.0498221 + 0.2231436) / 4
            "0.1 0.4 0.35 0.8; 0 0 1 1; 0.4722879",
            // −ln 0.5
            "0.5; 1; 0.6931472",
            // p = 0 for a positive is clipped at 1e-15: −ln 1e-15 = 34.5387764
            "0; 1; 34.5387764"})
    void logLoss(String p, String y, double expected) {
        assertEquals(expected, run(LogLoss::new, p, y), 1e-7);
    }

    @ParameterizedTest(name = "AUC of [{0}] vs [{1}] = {2}")
    @CsvSource(delimiter = ';', value = {
            // positive/negative pairs: 0.35>0.1 yes, 0.35>0.4 no, 0.8>0.1 yes, 0.8>0.4 yes: 3/4
            "0.1 0.4 0.35 0.8; 0 0 1 1; 0.75",
            // a tie counts one half: (0.5 + 1) / 2
            "0.5 0.5 0.2; 1 0 0; 0.75",
            // reversed ranking
            "0.9 0.1; 0 1; 0"})
    void rocAuc(String p, String y, double expected) {
        assertEquals(expected, run(RocAuc::new, p, y), 1e-12);
    }

    @Test
    @DisplayName("AUC is undefined (NaN) with one class")
    void aucOneClass() {
        assertTrue(Double.isNaN(run(RocAuc::new, "0.1 0.2", "1 1")));
    }

    @ParameterizedTest(name = "average precision of [{0}] vs [{1}] = {2}")
    @CsvSource(delimiter = ';', value = {
            // descending 0.8(1) 0.4(0) 0.35(1) 0.1(0): ΔR·P = 0.5·1 + 0.5·(2/3) = 0.8333333
            "0.1 0.4 0.35 0.8; 0 0 1 1; 0.8333333",
            // a tie group enters at once: threshold 0.5 gives R=1, P=1/2: 1·0.5
            "0.5 0.5; 1 0; 0.5",
            // perfect ranking
            "0.9 0.8 0.1; 1 1 0; 1"})
    void averagePrecision(String p, String y, double expected) {
        assertEquals(expected, run(PrAuc::new, p, y), 1e-7);
    }

    @ParameterizedTest(name = "ECE {3} bins={2} of [{0}] = {4}")
    @CsvSource(delimiter = ';', value = {
            // width, 2 bins: [0,.5) holds 0.1 0.4 0.35 → p̄ 0.283333, ȳ 1/3, gap 0.05; [.5,1] holds 0.8 → gap 0.2: 3/4·0.05 + 1/4·0.2
            "0.1 0.4 0.35 0.8; 0 0 1 1; 2; width; 0.0875",
            // mass, 2 bins: sorted 0.1(0) 0.35(1) | 0.4(0) 0.8(1): |0.5−0.225| = 0.275, |0.5−0.6| = 0.1: (0.275 + 0.1) / 2
            "0.1 0.4 0.35 0.8; 0 0 1 1; 2; mass; 0.1875",
            // one bin: |mean y − mean p| = |0.5 − 0.4125|
            "0.1 0.4 0.35 0.8; 0 0 1 1; 1; mass; 0.0875",
            // p = 1 falls in the last bin: 10 bins, bin 9 holds 0.95 and 1.0 with ȳ 1: |1 − 0.975|
            "0.95 1.0; 1 1; 10; width; 0.025",
            // probabilities as outcomes (ECE against truth): one bin per point, |0.3−0.2|, |0.6−0.9|: (0.1 + 0.3) / 2
            "0.2 0.9; 0.3 0.6; 2; mass; 0.2"})
    void ece(String p, String y, int bins, String scheme, double expected) {
        Supplier<Metric> m = scheme.equals("width") ? () -> ExpectedCalibrationError.equalWidth(bins) : () -> ExpectedCalibrationError.equalMass(bins);
        assertEquals(expected, run(m, p, y), 1e-12);
    }

    @ParameterizedTest(name = "MCE {3} bins={2} of [{0}] = {4}")
    @CsvSource(delimiter = ';', value = {
            // the worst bin of the ECE cases above
            "0.1 0.4 0.35 0.8; 0 0 1 1; 2; width; 0.2",
            "0.1 0.4 0.35 0.8; 0 0 1 1; 2; mass; 0.275"})
    void mce(String p, String y, int bins, String scheme, double expected) {
        Supplier<Metric> m = scheme.equals("width") ? () -> MaximumCalibrationError.equalWidth(bins) : () -> MaximumCalibrationError.equalMass(bins);
        assertEquals(expected, run(m, p, y), 1e-12);
    }

    @ParameterizedTest(name = "top {2} of [{0}]: capture {3}, lift {4}")
    @CsvSource(delimiter = ';', value = {
            // k = 1: 0.8 is a churner: capture 1/2, lift 0.5 / 0.25
            "0.1 0.4 0.35 0.8; 0 0 1 1; 0.25; 0.5; 2.0",
            // k = 2: 0.8(1), 0.4(0): capture 1/2, lift 0.5 / 0.5
            "0.1 0.4 0.35 0.8; 0 0 1 1; 0.5; 0.5; 1.0",
            // k = ceil(0.2·10) = 2 of 10 with ties: the first two rows in insertion order win; both churners of 2: capture 1, lift 5
            "0.5 0.5 0.5 0.1 0.1 0.1 0.1 0.1 0.1 0.1; 1 1 0 0 0 0 0 0 0 0; 0.2; 1.0; 5.0"})
    void liftCapture(String p, String y, double fraction, double capture, double lift) {
        LiftCapture m = LiftCapture.top(fraction);
        assertEquals(capture, m.of(v(p), v(y)), 1e-12);
        assertEquals(lift, m.lift(), 1e-12);
    }

    @Test
    @DisplayName("mean absolute error: (|0.1−0.2| + |0.5−0.2|) / 2 = 0.2")
    void mae() {
        assertEquals(0.2, run(MeanAbsoluteError::new, "0.1 0.5", "0.2 0.2"), 1e-12);
    }

    @Test
    @DisplayName("reliability curve: equal-mass points (0.225 vs 0.5, 0.6 vs 0.5) with bands around the observed rate")
    void reliabilityCurve() {
        ReliabilityCurve rc = ReliabilityCurve.equalMass(2);
        rc.of(v("0.1 0.4 0.35 0.8"), v("0 0 1 1"));
        var pts = rc.points(new Bootstrap(200, 3));
        assertEquals(2, pts.size());
        // bin 0: 0.1(0), 0.35(1) → mean p 0.225, rate 0.5; bin 1: 0.4(0), 0.8(1) → 0.6, 0.5
        assertEquals(0.225, pts.get(0).meanPredicted(), 1e-12);
        assertEquals(0.5, pts.get(0).observedRate(), 1e-12);
        assertEquals(0.6, pts.get(1).meanPredicted(), 1e-12);
        for (var pt : pts) {
            assertEquals(2, pt.count());
            assertTrue(pt.observedLower() <= pt.observedRate() && pt.observedRate() <= pt.observedUpper(), pt.toString());
        }
        assertEquals(0.1875, rc.value(), 1e-12);
    }

    @Nested
    @DisplayName("Murphy's decomposition of the Brier score")
    class Murphy {
        @Test
        @DisplayName("on the main sample with 2 bins: REL 0.011875, RES 0.0833333, UNC 0.25, and the terms add up")
        void mainSample() {
            BrierScore b = new BrierScore();
            b.of(v("0.1 0.4 0.35 0.8"), v("0 0 1 1"));
            BrierScore.Decomposition d = b.decomposition(2);
            // REL = (3·(0.283333−0.333333)² + (0.8−1)²) / 4 = (0.0075 + 0.04) / 4
            assertEquals(0.011875, d.reliability(), 1e-12);
            // RES = (3·(1/3−1/2)² + (1−1/2)²) / 4 = (0.083333 + 0.25) / 4
            assertEquals(1.0 / 12, d.resolution(), 1e-12);
            assertEquals(0.25, d.uncertainty(), 1e-12);
            assertEquals(b.value(), d.reliability() - d.resolution() + d.uncertainty() + d.withinBin(), 1e-12);
        }

        @Test
        @DisplayName("is exact (no within-bin term) when each bin holds one forecast value")
        void constantWithinBins() {
            BrierScore b = new BrierScore();
            b.of(v("0.25 0.25 0.75 0.75"), v("0 1 1 1"));
            BrierScore.Decomposition d = b.decomposition(2);
            assertEquals(0.0, d.withinBin(), 1e-12);
        }
    }

    @Nested
    @DisplayName("the bootstrap")
    class BootstrapTest {
        @Test
        @DisplayName("is reproducible from its seed and brackets the estimate")
        void seeded() {
            double[] p = new double[200], y = new double[200];
            for (int i = 0; i < 200; i++) {
                p[i] = (i % 10) / 10.0;
                y[i] = (i * 7919 % 10) < (i % 10) ? 1 : 0;
            }
            Interval a = new Bootstrap(300, 7).interval(p, y, BrierScore::new);
            Interval b = new Bootstrap(300, 7).interval(p, y, BrierScore::new);
            assertEquals(a, b);
            assertTrue(a.lower() <= a.estimate() && a.estimate() <= a.upper(), a.toString());
            assertNotEquals(a, new Bootstrap(300, 8).interval(p, y, BrierScore::new));
        }

        @Test
        @DisplayName("a paired difference of a predictor with itself is exactly 0")
        void pairedSelf() {
            double[] p = {0.1, 0.4, 0.35, 0.8}, y = {0, 0, 1, 1};
            Interval d = new Bootstrap(200, 1).paired(p, p, y, BrierScore::new);
            assertEquals(0.0, d.lower());
            assertEquals(0.0, d.upper());
        }

        @Test
        @DisplayName("percentiles interpolate between order statistics (type 7)")
        void quantile() {
            double[] sorted = {1, 2, 3, 4, 5};
            assertEquals(1.1, Bootstrap.quantile(sorted, 0.025), 1e-12); // h = 4·0.025 = 0.1
            assertEquals(4.9, Bootstrap.quantile(sorted, 0.975), 1e-12);
        }
    }
}
