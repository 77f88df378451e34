package dev.ntg.report.notebook;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("GraphNeighbours: hubs and neighbours by title")
class GraphNeighboursTest {
    @TempDir
    Path work;

    @Test
    @DisplayName("hubs: highest in-degree first, ties by smaller id, with popularity rank and mean rank in the lists")
    void hubs() {
        try (Artifacts art = Artifacts.open(GraphTasteFixture.write(work))) {
            Table t = GraphNeighbours.hubs(art, 3);
            assertEquals(List.of("103", "101", "102"), t.stringColumn("item").asList());
            assertEquals(List.of("Charlie", "Alpha", "Bravo"), t.stringColumn("title").asList());
            assertEquals("action, comedy", t.stringColumn("genres").get(1));
            assertEquals(List.of(3L, 2L, 2L), t.longColumn("in-degree").asList());
            assertEquals(0.6, t.doubleColumn("of items listing it").get(0), 1e-12);
            assertEquals(List.of(3L, 1L, 2L), t.longColumn("popularity rank").asList());
            // 103 is rank 2 in 101's list, rank 2 in 102's, rank 1 in 104's
            assertEquals(5.0 / 3, t.doubleColumn("mean rank in those lists").get(0), 1e-12);
        }
    }

    @Test
    @DisplayName("the sample: the most popular item and the niche one at the 10th percentile, neighbours in rank order")
    void sample() {
        try (Artifacts art = Artifacts.open(GraphTasteFixture.write(work))) {
            Table t = GraphNeighbours.neighbourSample(art, 1, 2);
            assertEquals(List.of("popular", "niche"), t.stringColumn("group").asList());
            // items with neighbours by users ascending, then id: 102, 103, 104, 101; ceil(0.1 × 4) = 1 → 102
            assertEquals(List.of("101", "102"), t.stringColumn("item").asList());
            assertEquals("Bravo (0.707) · Charlie (0.354)", t.stringColumn("top neighbours (similarity)").get(0));
            assertEquals("Alpha (0.707) · Charlie (0.500)", t.stringColumn("top neighbours (similarity)").get(1));
            assertEquals(List.of("1 of 2", "1 of 2"), t.stringColumn("sharing a genre").asList());
            assertEquals(List.of(4L, 2L), t.longColumn("TRAIN users").asList());
        }
    }
}
