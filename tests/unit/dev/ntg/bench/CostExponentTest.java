package dev.ntg.bench;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("the cost exponent is the least-squares slope of log time on log events")
class CostExponentTest {
    @Test
    @DisplayName("time ×10 for events ×10 is linear (1); time ×4 for events ×2 is quadratic (2)")
    void exactPowerLaws() {
        assertEquals(1.0, CostExponent.fit(new double[]{1e6, 1e7, 1e8}, new double[]{2, 20, 200}), 1e-12);
        assertEquals(2.0, CostExponent.fit(new double[]{1, 2, 4}, new double[]{1, 4, 16}), 1e-12);
    }

    @Test
    @DisplayName("points off a line: ln x = 0, 1, 2 and ln y = 0, 1, 3 give slope (4/3 + 5/3) / 2 = 1.5")
    void leastSquares() {
        double e = Math.E;
        assertEquals(1.5, CostExponent.fit(new double[]{1, e, e * e}, new double[]{1, e, e * e * e}), 1e-12);
    }

    @Test
    @DisplayName("a zero time (unmeasurably fast) is left out; fewer than two sizes give no slope")
    void degenerate() {
        assertEquals(1.0, CostExponent.fit(new double[]{10, 100, 1000}, new double[]{0, 1, 10}), 1e-12);
        assertNull(CostExponent.fit(new double[]{10}, new double[]{1}));
        assertNull(CostExponent.fit(new double[]{10, 100}, new double[]{1, 0}));
        assertNull(CostExponent.fit(new double[]{10, 10}, new double[]{1, 2}));
    }
}
