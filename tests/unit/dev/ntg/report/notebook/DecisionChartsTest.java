package dev.ntg.report.notebook;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("DecisionCharts: the report's decision figures, drawn from a work dir")
class DecisionChartsTest {
    @TempDir
    Path work;

    @Test
    @DisplayName("budget curve, sensitivity and power curves carry the report's numbers")
    void charts() {
        try (Artifacts art = Artifacts.open(DecisionFixture.write(work))) {
            XYChart budget = (XYChart) DecisionCharts.budgetCurve(art);
            assertArrayEquals(new double[]{5, 10, 20}, budget.getSeries("expected net value").getXData(), 0.0);
            assertArrayEquals(new double[]{3, 5, 5}, budget.getSeries("expected net value").getYData(), 0.0);
            XYChart sensitivity = (XYChart) DecisionCharts.sensitivity(art);
            assertArrayEquals(new double[]{-1, 5}, sensitivity.getSeries("base plan kept").getYData(), 0.0);
            XYChart power = (XYChart) DecisionCharts.powerCurves(art);
            assertArrayEquals(new double[]{0, 50}, power.getSeries("email").getXData(), 1e-12);
            assertArrayEquals(new double[]{0.025, 0.95}, power.getSeries("call").getYData(), 0.0);
            assertEquals("Experiment: power by true lift in retention (860×400 image)", Charts.toImage(power).toString());
        }
    }
}
