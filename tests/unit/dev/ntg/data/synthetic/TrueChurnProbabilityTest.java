package dev.ntg.data.synthetic;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("TrueChurnProbability")
class TrueChurnProbabilityTest {

    /** A user with the same play rate r and quit hazard h every day. */
    private static DailyProcess constant(double r, double h) {
        return new DailyProcess() {
            @Override
            public double rate(int day) {
                return r;
            }

            @Override
            public double hazard(int day) {
                return h;
            }
        };
    }

    @Test
    @DisplayName("matches a case worked by hand: r = 0.5, h = 0.1, two silent days, a two-day horizon")
    void handComputed() {
        // Last play on day 7, cutoff day 10: days 8 and 9 are silent. e^-0.5 = 0.6065307.
        // Evening of day 7:   alive 0.9,                         quit 0.1
        // Day 8 (silent):     alive 0.9*0.6065307*0.9 = 0.4912898, quit 0.1 + 0.9*0.6065307*0.1 = 0.1545878
        // Day 9 (silent):     alive 0.4912898*0.6065307*0.9 = 0.2681841, quit 0.1545878 + 0.0297982 = 0.1843860
        // P(alive | silence) = 0.2681841 / 0.4525701 = 0.5925800
        // Horizon days 10, 11 given alive: quit silently on day 10: 0.6065307*0.1 = 0.0606531;
        //   on day 11: 0.6065307*0.9*0.6065307*0.1 = 0.0331092; stay silent through: (0.6065307*0.9)^2 = 0.2979824
        //   silent horizon = 0.3917447
        // P = (1 - 0.5925800) + 0.5925800 * 0.3917447 = 0.4074200 + 0.2321401 = 0.6395601
        DailyProcess p = constant(0.5, 0.1);
        assertEquals(0.5925800, TrueChurnProbability.aliveAtCutoff(p, 7, 10), 1e-6);
        assertEquals(0.3917447, TrueChurnProbability.silentThroughHorizon(p, 10, 2), 1e-6);
        assertEquals(0.6395601, TrueChurnProbability.of(p, 7, 10, 2), 1e-6);
    }

    @ParameterizedTest(name = "r = {0}, h = {1}, gap = {2} days, horizon = {3}")
    @CsvSource({"0.5, 0.1, 3, 2", "2.0, 0.01, 1, 30", "0.05, 0.003, 40, 30", "1.0, 0.0, 5, 10"})
    @DisplayName("equals the closed form for constant rate and hazard")
    void closedForm(double r, double h, int gap, int horizon) {
        // Filter: after the play day alive = 1-h, quit = h; each silent day multiplies alive by x = e^-r (1-h)
        // and moves alive*e^-r*h to quit. So alive_n = (1-h) x^n, quit_n = h + (1-h) h e^-r (1-x^n)/(1-x).
        double e = Math.exp(-r);
        double x = e * (1 - h);
        int n = gap - 1;
        double alive = (1 - h) * Math.pow(x, n);
        double quit = h + (x == 1 ? 0 : (1 - h) * h * e * (1 - Math.pow(x, n)) / (1 - x));
        double pAlive = alive / (alive + quit);
        // Silent horizon: sum_k h e^-r x^k for k < H, plus x^H.
        double silent = h * e * (1 - Math.pow(x, horizon)) / (1 - x) + Math.pow(x, horizon);
        double expected = (1 - pAlive) + pAlive * silent;
        assertEquals(expected, TrueChurnProbability.of(constant(r, h), 100 - gap, 100, horizon), 1e-12);
    }

    @Nested
    @DisplayName("behaves like a probability of churn")
    class Shape {
        @Test
        @DisplayName("grows with the silence since the last play")
        void growsWithSilence() {
            DailyProcess p = constant(0.3, 0.005);
            double recent = TrueChurnProbability.of(p, 99, 100, 30);
            double stale = TrueChurnProbability.of(p, 60, 100, 30);
            assertTrue(stale > recent + 0.3, "stale " + stale + " vs recent " + recent);
        }

        @Test
        @DisplayName("is only the chance of a silent horizon when nobody ever quits")
        void noHazard() {
            assertEquals(Math.exp(-0.2 * 30), TrueChurnProbability.of(constant(0.2, 0.0), 50, 100, 30), 1e-12);
        }

        @Test
        @DisplayName("rejects a last play on or after the cutoff and an empty horizon")
        void rejectsBadArguments() {
            assertThrows(IllegalArgumentException.class, () -> TrueChurnProbability.of(constant(1, 0.1), 10, 10, 5));
            assertThrows(IllegalArgumentException.class, () -> TrueChurnProbability.of(constant(1, 0.1), 5, 10, 0));
        }
    }
}
