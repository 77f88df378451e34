package dev.ntg.decisions;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("ValueModel: geometric churn capped at N periods")
class ValueModelTest {
    /*
     * price 10, margin 0.5, N = 3 (m·P = 5).
     * p = 0.2: E = 0.8 + 0.64 + 0.512 = 1.952, V = 9.76; L = 1 + 0.8 + 0.64 = 2.44, stake = 12.2, VaR = 0.2 * 12.2 = 2.44,
     *          revenue at risk = 0.2 * 10 * 2.44 = 4.88; multiplier 0.5 -> p' = 0.1, saved = 0.1 * 12.2 = 1.22.
     * p = 0.5: E = 0.5 + 0.25 + 0.125 = 0.875, V = 4.375; L = 1.75, VaR = 4.375, RaR = 8.75; p' = 0.25, saved = 0.25 * 8.75 = 2.1875.
     * p = 0:   E = 3, V = 15; L = 3, VaR = 0, RaR = 0; saved = 0.
     * p = 1:   E = 0, V = 0; L = 1, VaR = 5, RaR = 10; p' = 0.5, saved = 0.5 * 5 = 2.5.
     */
    @ParameterizedTest(name = "p = {0}")
    @CsvSource({
            "0.2, 1.952, 9.76,  2.44, 2.44, 4.88, 1.22",
            "0.5, 0.875, 4.375, 1.75, 4.375, 8.75, 2.1875",
            "0.0, 3.0,   15.0,  3.0,  0.0,  0.0,  0.0",
            "1.0, 0.0,   0.0,   1.0,  5.0,  10.0, 2.5"})
    void handComputed(double p, double periods, double value, double retainedPeriods, double var, double rar, double savedHalf) {
        ValueModel vm = new ValueModel(10, 0.5, 3);
        assertEquals(periods, vm.expectedPeriods(p), 1e-12);
        assertEquals(value, vm.value(p), 1e-12);
        assertEquals(retainedPeriods, vm.periodsIfRetained(p), 1e-12);
        assertEquals(var, vm.valueAtRisk(p), 1e-12);
        assertEquals(rar, vm.revenueAtRisk(p), 1e-12);
        assertEquals(savedHalf, vm.saved(p, p * 0.5), 1e-12);
        // V = (1 - p) * m * P * L: the value is what survives this period's risk.
        assertEquals(vm.value(p), (1 - p) * vm.stake(p), 1e-12);
    }
}
