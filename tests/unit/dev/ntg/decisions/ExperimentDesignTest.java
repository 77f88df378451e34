package dev.ntg.decisions;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("Experiment design")
class ExperimentDesignTest {
    @Nested
    @DisplayName("two-proportion sample size (Fleiss, Levin & Paik 2003, eq. 4.14, no continuity correction)")
    class SampleSize {
        /*
         * p1 = 0.30, p2 = 0.20, alpha = 0.05 two-sided, power 0.80, equal groups. By hand:
         *   p̄ = 0.25, z_.975 = 1.959964, z_.80 = 0.841621
         *   z_a √(2 p̄ q̄) = 1.959964 · √0.375 = 1.200228
         *   z_b √(p1 q1 + p2 q2) = 0.841621 · √0.37 = 0.511938
         *   n = (1.712166)² / 0.1² = 293.15 -> 294 per group
         * (Chow, Shao & Wang's unpooled version gives 290.4 -> 291; Fleiss with continuity correction 313.)
         */
        @Test
        @DisplayName("p1 = 0.30 vs p2 = 0.20 needs 293.15 -> 294 users per group")
        void textbook() {
            assertEquals(293.15, TwoProportions.sampleSizeExact(0.30, 0.20, 0.05, 0.80, 1.0), 0.01);
            assertEquals(294, TwoProportions.sampleSize(0.30, 0.20, 0.05, 0.80, 1.0));
            assertEquals(294, TwoProportions.sampleSize(0.20, 0.30, 0.05, 0.80, 1.0), "symmetric in the two groups");
        }

        @Test
        @DisplayName("power at that size is the target, and the minimum detectable effect inverts it")
        void powerAndMde() {
            assertEquals(0.80, TwoProportions.power(0.30, 0.20, 293.1513, 293.1513, 0.05), 1e-4);
            assertTrue(TwoProportions.power(0.30, 0.20, 294, 294, 0.05) >= 0.80);
            double mde = TwoProportions.minimumDetectableEffect(0.20, 293.1513, 293.1513, 0.05, 0.80);
            assertEquals(0.10, mde, 1e-4);
            assertEquals(0.025, TwoProportions.power(0.3, 0.3, 100, 100, 0.05), 1e-12, "no effect: the formula counts only the tail of the effect, alpha / 2");
        }

        @Test
        @DisplayName("unequal allocation (r = 4) needs fewer controls than equal groups but more users in total")
        void allocation() {
            double n1 = TwoProportions.sampleSizeExact(0.30, 0.20, 0.05, 0.80, 4.0);
            assertTrue(n1 < 293.15 && n1 * 5 > 2 * 293.15, "n1 " + n1);
            assertEquals(0.80, TwoProportions.power(0.30, 0.20, n1, 4 * n1, 0.05), 1e-4);
        }
    }

    @Nested
    @DisplayName("salted-hash assignment")
    class Assignment {
        final HashAssignment h = new HashAssignment("ntg-retention", List.of("control", "treatment"), List.of(0.2, 0.8));

        @Test
        @DisplayName("is a pure function of (salt, experiment id, user id): fixed values that hold on every machine")
        void stable() {
            // SHA-256("ntg-retention\nretention-v1/email_nudge\n42"), first 8 bytes, top 53 bits / 2^53.
            assertEquals(EXPECTED_BUCKET_42, h.bucket("retention-v1/email_nudge", "42"), 0.0);
            assertEquals(h.arm("retention-v1/email_nudge", "42"), new HashAssignment("ntg-retention", List.of("control", "treatment"),
                    List.of(0.2, 0.8)).arm("retention-v1/email_nudge", "42"));
            assertNotEquals(h.bucket("retention-v1/email_nudge", "42"), h.bucket("retention-v1/discount_offer", "42"),
                    "each action's experiment randomizes independently");
        }

        @Test
        @DisplayName("is balanced: 100,000 users pass the chi-square sample-ratio check for 20/80 and for three arms")
        void balanced() {
            long[] two = new long[2];
            HashAssignment three = new HashAssignment("s", List.of("c", "t1", "t2"), List.of(0.5, 0.25, 0.25));
            long[] threeCounts = new long[3];
            for (int u = 0; u < 100_000; u++) {
                two[h.arm("exp", Integer.toString(u))]++;
                threeCounts[three.arm("exp", "user-" + u)]++;
            }
            assertTrue(SampleRatio.srmPValue(two, List.of(0.2, 0.8)) > 0.001, "20/80 counts " + two[0] + "/" + two[1]);
            assertTrue(SampleRatio.srmPValue(threeCounts, List.of(0.5, 0.25, 0.25)) > 0.001);
            assertEquals(0.2, two[0] / 100_000.0, 0.005);
        }

        @Test
        @DisplayName("the SRM check catches a real mismatch")
        void srmCatches() {
            assertTrue(SampleRatio.srmPValue(new long[]{2300, 7700}, List.of(0.2, 0.8)) < 0.001);
        }
    }

    @Test
    @DisplayName("the readout's lift interval is Newcombe's method 10: his published examples, to 4 decimals")
    void lift() {
        // Newcombe (1998), Statistics in Medicine 17:873-890, Table II, method 10 (treated − control here).
        double[][] cases = {
                // retained treated, n treated, retained control, n control, lower, upper
                {56, 70, 48, 80, 0.0524, 0.3339},
                {9, 10, 3, 10, 0.1705, 0.8090},
                {5, 56, 0, 29, -0.0381, 0.1926},
                {0, 10, 0, 20, -0.1611, 0.2775}};
        for (double[] k : cases) {
            LiftEstimate e = LiftEstimate.of((long) k[2], (long) k[3], (long) k[0], (long) k[1], 0.95);
            assertEquals(k[0] / k[1] - k[2] / k[3], e.lift(), 1e-12);
            assertEquals(k[4], e.lower(), 5e-5, "lower for " + java.util.Arrays.toString(k));
            assertEquals(k[5], e.upper(), 5e-5, "upper for " + java.util.Arrays.toString(k));
        }
        // pooled 0.55 for 60/100 vs 50/100: se0 = √(0.2475 · 0.02) = 0.070356, z = 1.42134, p = 0.15521
        assertEquals(0.1552, LiftEstimate.of(50, 100, 60, 100, 0.95).pValue(), 1e-4);
    }

    @Test
    @DisplayName("a control arm that retained no one still widens the interval (Wald's would not)")
    void controlAtZero() {
        // 75/213 treated vs 0/51 control: Wilson's upper bound for 0/51 is z²/n / (1 + z²/n) = 0.0700
        LiftEstimate e = LiftEstimate.of(0, 51, 75, 213, 0.95);
        double waldHalf = 1.959963984540054 * Math.sqrt(e.treated() * (1 - e.treated()) / 213);
        assertEquals(0.0700, LiftEstimate.wilson(0, 51, 1.959963984540054)[1], 1e-4);
        assertTrue(e.lift() - e.lower() > waldHalf + 0.02, "lower side " + (e.lift() - e.lower()) + " vs Wald's " + waldHalf);
    }

    /** Computed independently with Python: int.from_bytes(sha256(b"ntg-retention\\nretention-v1/email_nudge\\n42")[:8], "big") >> 11 / 2**53. */
    static final double EXPECTED_BUCKET_42 = 0.6705269753855599;
}
