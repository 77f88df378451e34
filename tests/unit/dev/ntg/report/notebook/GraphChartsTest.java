package dev.ntg.report.notebook;

import dev.ntg.io.PathCatalog;
import dev.ntg.report.FigureAggregates;
import dev.ntg.report.figures.GraphFigures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("GraphCharts: the report's graph figures fed from the artifacts")
class GraphChartsTest {
    @TempDir
    Path work;

    @Test
    @DisplayName("degree counts: in-degree 1, 2, 3 on 1, 2, 1 items; out-degree 2 on 4 items (degree 0 has no row)")
    void degreeCounts() {
        try (Artifacts art = Artifacts.open(GraphTasteFixture.write(work))) {
            String edges = art.parquet(PathCatalog.ITEM_EDGES);
            assertEquals(List.of(new GraphFigures.DegreeCount(1, 1), new GraphFigures.DegreeCount(2, 2), new GraphFigures.DegreeCount(3, 1)),
                    FigureAggregates.degreeCounts(art.duck(), edges, "dst"));
            assertEquals(List.of(new GraphFigures.DegreeCount(2, 4)), FigureAggregates.degreeCounts(art.duck(), edges, "src"));
            assertThatThrownBy(() -> FigureAggregates.degreeCounts(art.duck(), edges, "rank")).hasMessageContaining("src or dst");
            XYChart c = GraphCharts.degrees(art);
            assertArrayEquals(new double[]{1, 2, 1}, c.getSeries("in-degree").getYData(), 1e-12);
        }
    }

    @Test
    @DisplayName("popularity deciles: sources 102, 103, 104, 101 by users, each with its neighbours' mean users")
    void popularityDeciles() {
        try (Artifacts art = Artifacts.open(GraphTasteFixture.write(work))) {
            // 102 → 101 (4), 103 (2): 3 · 103 → 102, 104: 2 · 104 → 103, 101: 3 · 101 → 102, 103: 2
            assertEquals(List.of(new GraphFigures.PopularityDecile(1, 2, 3), new GraphFigures.PopularityDecile(2, 2, 2),
                            new GraphFigures.PopularityDecile(3, 2, 3), new GraphFigures.PopularityDecile(4, 4, 2)),
                    FigureAggregates.popularityDeciles(art.duck(), art.parquet(PathCatalog.TRAIN), art.parquet(PathCatalog.ITEM_EDGES)));
            assertArrayEquals(new double[]{3, 2, 3, 2}, GraphCharts.popularityBias(art).getSeries("their neighbours").getYData(), 1e-12);
        }
    }

    @Test
    @DisplayName("the similarity histogram holds every edge: its shares add up to 100%")
    void similarity() {
        try (Artifacts art = Artifacts.open(GraphTasteFixture.write(work))) {
            XYChart c = GraphCharts.similarity(art);
            double[] y = c.getSeries("kept edges (8)").getYData();
            assertEquals(100.0, java.util.Arrays.stream(y).sum(), 1e-9);
            assertEquals(25.0, y[0], 1e-12); // the two weakest edges, 0.3536, open the range
            assertEquals(25.0, y[y.length - 1], 1e-12); // the two strongest, 0.7071, close it
        }
    }
}
