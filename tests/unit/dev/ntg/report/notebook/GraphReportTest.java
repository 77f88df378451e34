package dev.ntg.report.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ntg.io.Json;
import dev.ntg.io.PathCatalog;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("GraphReport: the item graph from graph_diagnostics.json")
class GraphReportTest {
    @TempDir
    Path work;

    @Test
    @DisplayName("describes an edge from the recorded settings: whole history, binary, cosine, cap, support and top_k")
    void definition() {
        try (Artifacts art = Artifacts.open(GraphTasteFixture.write(work))) {
            assertThat(GraphReport.definition(art)).contains("anywhere in their history").contains("counted once (binary)")
                    .contains("2 most recent items").contains("c(i,j) / √(c(i)·c(j))").contains("at least 1 co-occurring users")
                    .contains("top_k = 2").doesNotContain("1/ln(1+n)");
            Table s = GraphReport.settings(art);
            assertEquals(8, s.rowCount());
            assertEquals("not used (cooccurrence = whole)", s.stringColumn("what it does").get(2));
        }
    }

    @Test
    @DisplayName("a windowed, value-weighted, down-weighted graph is described as such")
    void windowedDefinition() throws Exception {
        JsonNode settings = Json.MAPPER.readTree("""
                {"measure": "llr", "cooccurrence": "window", "window_hours": 2.5, "weighting": "value", "user_downweight": "inverse_log",
                 "user_cap": 10, "min_support": 3, "top_k": 5}""");
        assertThat(GraphReport.definition(settings)).contains("within 2.5 hours of each other").contains("weighted by the event's value")
                .contains("1/ln(1+n)").contains("log-likelihood ratio");
    }

    @Test
    @DisplayName("the size cross-check recounts nodes, edges, coverage, in-degree 0, isolated items and max degrees from the files")
    void sizeCheck() {
        try (Artifacts art = Artifacts.open(GraphTasteFixture.write(work))) {
            Table t = GraphReport.sizeCheck(art);
            // hand-counted from the fixture's eight edges over five items
            assertEquals(List.of(5L, 8L, 4L, 1L, 1L, 3L, 2L), t.longColumn("recounted from the Parquet files").asList());
            assertEquals(7, t.booleanColumn("agrees").countTrue());
            assertThat(GraphReport.sizeVerdict(t)).startsWith("All 7 figures agree");
        }
    }

    @Test
    @DisplayName("the cross-check fails when the edge file no longer matches the diagnostics")
    void sizeCheckDisagrees() throws Exception {
        GraphTasteFixture.write(work);
        try (var duck = dev.ntg.io.DuckSession.inMemory()) {
            Path edges = new PathCatalog(work).resolve(PathCatalog.ITEM_EDGES);
            Path copy = work.resolve("edges.parquet");
            Files.move(edges, copy);
            duck.copyToParquet("SELECT * FROM " + dev.ntg.io.DuckSession.parquet(copy) + " WHERE src <> '104' ORDER BY src, rank", edges);
        }
        try (Artifacts art = Artifacts.open(work)) {
            Table t = GraphReport.sizeCheck(art);
            assertEquals(6L, t.longColumn("recounted from the Parquet files").get(1));
            assertThat(GraphReport.sizeVerdict(t)).contains("disagree").contains("./ntg build-graph");
        }
    }

    @Test
    @DisplayName("the pair funnel shows each step as a share of the distinct pairs")
    void funnel() {
        try (Artifacts art = Artifacts.open(GraphTasteFixture.write(work))) {
            Table t = GraphReport.pairFunnel(art);
            assertEquals(List.of(20L, 10L, 1L, 1L, 8L), t.longColumn("ordered item pairs").asList());
            assertTrue(t.doubleColumn("of distinct pairs").isMissing(0), "no share for the occurrences");
            assertEquals(0.8, t.doubleColumn("of distinct pairs").get(4), 1e-12);
            assertThat(t.print()).contains("80.00%");
        }
    }

    @Test
    @DisplayName("the cap's effect: 1 of 6 users, 1 of 11 interactions, 4 of 24 pairs")
    void cap() {
        try (Artifacts art = Artifacts.open(GraphTasteFixture.write(work))) {
            Table t = GraphReport.capEffect(art);
            assertEquals(1.0 / 6, t.doubleColumn("share").get(2), 1e-12);
            assertEquals(1.0 / 11, t.doubleColumn("share").get(3), 1e-12);
            assertEquals(4.0 / 24, t.doubleColumn("share").get(4), 1e-12);
            assertThat(GraphReport.capVerdict(art)).contains("touched 1 of 6 users (16.7%)").contains("9.1% of the interactions")
                    .contains("removed 16.7% of the item pairs").contains("up to 3 items");
        }
    }

    @Test
    @DisplayName("distributions, hubness, popularity bias and components are the stage's own numbers")
    void sentences() {
        try (Artifacts art = Artifacts.open(GraphTasteFixture.write(work))) {
            Table d = GraphReport.distributions(art);
            assertEquals(List.of("out-degree (neighbours listed)", "in-degree (listed by)", "similarity (cosine)", "co-occurrence (users)"),
                    d.stringColumn("quantity").asList());
            assertEquals(0.3536, d.doubleColumn("p25").get(2), 1e-12);
            assertEquals(1.25, d.doubleColumn("mean").get(3), 1e-12);
            assertThat(GraphReport.hubness(art)).contains("Gini coefficient is 0.35").contains("receive 37.5% of all edges")
                    .contains("largest in-degree is 3, so 60% of items").contains("1 items are nobody's neighbour");
            assertThat(GraphReport.popularityBias(art)).contains("mean rank 2.5 and 2.5 TRAIN users").contains("mean rank 2.4 and 2.5 users").contains("ratio of ranks 0.95")
                    .contains("lean towards popular items");
            assertThat(GraphReport.components(art)).contains("2 connected components").contains("4 of 5 items (80.0%)")
                    .contains("1 item has no edge").contains("one piece");
        }
    }
}
