package dev.ntg.report.notebook;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("TasteReport: the taste axes from axes.parquet, user_taste.parquet and taste_diagnostics.json")
class TasteReportTest {
    @TempDir
    Path work;

    @Nested
    @DisplayName("on the synthetic service")
    class Synthetic {
        @Test
        @DisplayName("states the method, K, the data and the smoothing")
        void method() {
            try (Artifacts art = Artifacts.open(GraphTasteFixture.write(work))) {
                assertThat(TasteReport.method(art)).startsWith("K = 2 taste axes by hand-made axes.").contains("6 TRAIN users × 5 items (11 interactions)")
                        .contains("the 4 items with at least 2 users").contains("with 1 pseudo-items");
            }
        }

        @Test
        @DisplayName("lists each axis with its genres and lift, size, user share and cohesion")
        void axes() {
            try (Artifacts art = Artifacts.open(GraphTasteFixture.write(work))) {
                Table t = TasteReport.axes(art);
                assertEquals(List.of("action ×1.50", "drama ×2.50"), t.stringColumn("over-represented genres (lift)").asList());
                assertEquals(List.of(3L, 2L), t.longColumn("items").asList());
                assertThat(t.print()).contains("66.7%").contains("60.0%");
            }
        }

        @Test
        @DisplayName("top items per axis in the stage's order, with genres, and how many are in the axis's genres")
        void topItems() {
            try (Artifacts art = Artifacts.open(GraphTasteFixture.write(work))) {
                Table t = TasteReport.topItems(art, 2);
                assertEquals("Bravo [action] · Alpha [action, comedy]", t.stringColumn("top items [genres]").get(0));
                assertEquals(List.of("2 of 2", "1 of 2"), t.stringColumn("in the axis's genres").asList()); // Echo is comedy, not drama
                assertEquals("3 of 3", TasteReport.topItems(art, 3).stringColumn("in the axis's genres").get(0)); // Delta: drama, action
            }
        }

        @Test
        @DisplayName("cohesion is compared with its random expectation")
        void cohesion() {
            try (Artifacts art = Artifacts.open(GraphTasteFixture.write(work))) {
                assertThat(TasteReport.cohesion(art)).startsWith("60.0% of the item graph's edge weight (8 edges")
                        .contains("against 40.0% expected").contains("(1.5×)").contains("agree with");
            }
        }

        @Test
        @DisplayName("diversity by group: users 1–4 have more than 1 item (the smoothing), users 5 and 6 do not")
        void diversity() {
            try (Artifacts art = Artifacts.open(GraphTasteFixture.write(work))) {
                Table t = TasteReport.diversity(art);
                assertEquals(List.of("own items > smoothing = 1", "own items ≤ smoothing = 1"), t.stringColumn("users").asList());
                assertEquals(List.of(4L, 2L), t.longColumn("count").asList());
                assertEquals(0.881, t.doubleColumn("median").get(0), 1e-12); // of 0.722, 0.881, 0.881, 0.971
                assertEquals(0.971, t.doubleColumn("median").get(1), 1e-12);
                assertEquals(List.of(2L, 1L), t.longColumn("fewest items").asList());
            }
        }

        @Test
        @DisplayName("stability lists every refit and states the means with their reading")
        void stability() {
            try (Artifacts art = Artifacts.open(GraphTasteFixture.write(work))) {
                Table t = TasteReport.stability(art);
                assertEquals(List.of("bootstrap of TRAIN users", "bootstrap of TRAIN users", "first 80% of TRAIN (by time)"),
                        t.stringColumn("refit").asList());
                assertEquals(0.9, t.doubleColumn("ARI").get(2), 1e-12);
                assertThat(TasteReport.stabilityVerdict(art)).contains("mean ARI 0.60, overlap 0.70: stable enough")
                        .contains("ARI 0.90, overlap 0.95, so the axes persist");
            }
        }

        @Test
        @DisplayName("recovery: NMI on all items and on clear-genre items side by side, genres in axis order")
        void recovery() {
            try (Artifacts art = Artifacts.open(GraphTasteFixture.write(work))) {
                Table t = TasteReport.recovery(art);
                assertEquals(List.of(5L, 3L), t.longColumn("items").asList());
                assertEquals(List.of(0.4, 0.8), t.doubleColumn("NMI (dominant axis vs planted genre)").asList());
                assertThat(TasteReport.recoveryVerdict(art)).contains("NMI 0.40 on all 5 items and 0.80 on the 3")
                        .contains("ARI on all items 0.30").contains("is 0.55");
                Table g = TasteReport.genreRecovery(art);
                assertEquals(List.of("action", "drama"), g.stringColumn("planted genre").asList());
                assertEquals(0.6, g.doubleColumn("r(user score, planted taste)").get(0), 1e-12);
            }
        }

        @Test
        @DisplayName("the embedding sentence: rank, weighting, explained variance and singular values")
        void embedding() {
            try (Artifacts art = Artifacts.open(GraphTasteFixture.write(work))) {
                assertThat(TasteReport.embedding(art)).contains("rank-2 truncated SVD of the log1p(events)").contains("explains 50.0%")
                        .contains("(4.0) is 2.0× the second").contains("last kept one is 2.0");
            }
        }
    }

    @Test
    @DisplayName("without planted truth the recovery tables are empty and the sentence says why")
    void realData() {
        try (Artifacts art = Artifacts.open(GraphTasteFixture.write(work, false))) {
            assertEquals(0, TasteReport.recovery(art).rowCount());
            assertThat(TasteReport.recovery(art).name()).contains("no planted truth");
            assertEquals(0, TasteReport.genreRecovery(art).rowCount());
            assertThat(TasteReport.recoveryVerdict(art)).contains("no planted truth");
        }
    }
}
