package dev.ntg.report.notebook;

import dev.ntg.io.PathCatalog;
import dev.ntg.report.FigureAggregates;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("TasteCharts: the report's taste figures fed from the artifacts")
class TasteChartsTest {
    @TempDir
    Path work;

    @Test
    @DisplayName("users per dominant axis: users 1, 2, 3, 6 on axis 1, users 4, 5 on axis 2; the axes chart shows them next to the sizes")
    void axes() {
        try (Artifacts art = Artifacts.open(GraphTasteFixture.write(work))) {
            assertEquals(Map.of(1, 4L, 2, 2L), FigureAggregates.usersByDominantAxis(art.duck(), art.parquet(PathCatalog.USER_TASTE)));
            CategoryChart c = TasteCharts.axes(art);
            assertArrayEquals(new double[]{3, 2}, c.getSeries("items on the axis").getYData(), 1e-12);
            assertArrayEquals(new double[]{4, 2}, c.getSeries("users whose dominant axis it is").getYData(), 1e-12);
        }
    }

    @Test
    @DisplayName("diversity: two groups by the smoothing, each adding up to 100%; explained variance ends at the reported share")
    void diversityAndVariance() {
        try (Artifacts art = Artifacts.open(GraphTasteFixture.write(work))) {
            XYChart d = TasteCharts.diversity(art);
            double[] focused = d.getSeries("own items > smoothing = 1 (4)").getYData();
            double[] prior = d.getSeries("own items ≤ smoothing = 1 (2)").getYData();
            assertEquals(100.0, java.util.Arrays.stream(focused).sum(), 1e-9);
            assertEquals(25.0, focused[0], 1e-12); // user 2, the least diverse, opens the range
            assertEquals(100.0, prior[prior.length - 1], 1e-12); // users 5 and 6 are both at the maximum, 0.971
            double[] cum = TasteCharts.explainedVariance(art).getSeries("cumulative").getYData();
            assertEquals(50.0, cum[1], 1e-12);
            assertEquals(50.0 * 16 / 20, cum[0], 1e-12); // 4² of 4² + 2²
        }
    }
}
