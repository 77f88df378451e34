package dev.ntg.report.notebook;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("ChurnCharts: the report's churn figures, drawn from a work dir")
class ChurnChartsTest {
    @TempDir
    Path work;

    @Test
    @DisplayName("score histograms: the six labelled TEST users, each a third of their outcome group, in the right 0.05 bins")
    void histograms() {
        try (Artifacts art = Artifacts.open(ChurnFixture.write(work, true))) {
            XYChart c = (XYChart) ChurnCharts.scoreHistograms(art);
            double[] churned = new double[20];
            churned[18] = churned[12] = churned[5] = 100.0 / 3; // p 0.9, 0.6, 0.25
            double[] retained = new double[20];
            retained[6] = retained[2] = retained[1] = 100.0 / 3; // p 0.3, 0.1, 0.05
            assertArrayEquals(churned, c.getSeries("churned (3)").getYData(), 1e-9);
            assertArrayEquals(retained, c.getSeries("retained (3)").getYData(), 1e-9);
        }
    }

    @Test
    @DisplayName("gain: contacting users by descending score reaches 1, 2, 2, 3, 3, 3 of the 3 churners")
    void gain() {
        try (Artifacts art = Artifacts.open(ChurnFixture.write(work, true))) {
            XYChart c = (XYChart) ChurnCharts.gain(art);
            double third = 100.0 / 3;
            assertArrayEquals(new double[]{0, third, 2 * third, 2 * third, 100, 100, 100}, c.getSeries("churn model").getYData(), 1e-9);
            assertEquals(100.0, c.getSeries("churn model").getXData()[6], 1e-9);
        }
    }

    @Test
    @DisplayName("reliability: one point per bin of the report, at its mean prediction")
    void reliability() {
        try (Artifacts art = Artifacts.open(ChurnFixture.write(work, true))) {
            XYChart c = (XYChart) ChurnCharts.reliability(art);
            assertArrayEquals(new double[]{0.0005, 0.3, 0.5, 0.75}, c.getSeries("observed (bins)").getXData(), 1e-12);
            assertEquals("Churn on TEST: reliability diagram, 95% band (860×400 image)", Charts.toImage(c).toString());
        }
    }
}
