package dev.ntg.report.notebook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.NtgException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("RankingEvalReport")
class RankingEvalReportTest {
    @TempDir
    Path work;

    @Nested
    @DisplayName("on a hand-made ranking report (headline ndcg@2)")
    class Report {
        @Test
        @DisplayName("quotes the protocol rules in reading order, with the cut-offs and list length")
        void protocol() {
            try (Artifacts art = Artifacts.open(RankingFixture.write(work))) {
                String p = RankingEvalReport.protocol(art);
                assertThat(p).contains("- eval users: users with a TRAIN event and a new item in the window")
                        .contains("- candidate pool: unseen TRAIN items").contains("- cut-offs: K in [1,2], lists of 3 items");
                assertTrue(p.indexOf("- eval users") < p.indexOf("- relevant items") && p.indexOf("- tuning") < p.indexOf("- segments"));
            }
        }

        @Test
        @DisplayName("lists NTG first, then the baselines, then the models the run skipped")
        void models() {
            try (Artifacts art = Artifacts.open(RankingFixture.write(work))) {
                List<String> lines = RankingEvalReport.models(art).lines().toList();
                assertEquals("- ntg: blend of item_knn, popularity", lines.get(1));
                assertEquals("- ease: EASE^R", lines.get(2), "the baselines in report order (the report's keys are sorted)");
                assertEquals("- not run: svd: no factors", lines.get(lines.size() - 1));
            }
        }

        @Test
        @DisplayName("puts the VAL and TEST counts side by side; a count only one window has is missing in the other")
        void counts() {
            try (Artifacts art = Artifacts.open(RankingFixture.write(work))) {
                Table t = RankingEvalReport.windowCounts(art);
                assertEquals(11, t.rowCount());
                int eval = t.stringColumn("count").indexOf("eval_users");
                assertEquals(2L, t.longColumn("val").get(eval));
                assertEquals(3L, t.longColumn("test").get(eval));
                int coldEvents = t.stringColumn("count").indexOf("cold_user_events");
                assertTrue(t.longColumn("val").isMissing(coldEvents));
                assertEquals(1L, t.longColumn("test").get(coldEvents));
            }
        }

        @Test
        @DisplayName("says per window how many users and relevant pairs the cold start takes, with their shares")
        void coldStart() {
            try (Artifacts art = Artifacts.open(RankingFixture.write(work))) {
                String s = RankingEvalReport.coldStart(art);
                assertThat(s).contains("VAL: 0 of 2 window users (0.0%)")
                        .contains("TEST: 1 of 5 window users (20.0%) have no TRAIN event")
                        .contains("Of the 4 relevant pairs of the 3 eval users, 1 (25.0%) are on the 1 items absent from TRAIN");
            }
        }

        @Test
        @DisplayName("shows every model's metrics at the headline K as estimate [interval], NTG first; no bounds print as such")
        void metrics() {
            try (Artifacts art = Artifacts.open(RankingFixture.write(work))) {
                Table t = RankingEvalReport.metrics(art, "test");
                assertEquals(List.of("model", "ndcg@2", "recall@2", "precision@2", "map@2", "hit_rate@2", "mrr"), t.columnNames());
                assertEquals(List.of("ntg", "ease", "item_knn", "popularity"), t.stringColumn("model").asList());
                assertEquals("0.462 [0.412, 0.512]", t.stringColumn("ndcg@2").get(0));
                assertEquals("0.500 [0.450, 0.550]", t.stringColumn("recall@2").get(0));
                assertEquals("0.667 (no interval)", t.stringColumn("hit_rate@2").get(0));
                assertEquals("n/a", t.stringColumn("mrr").get(0));
            }
        }

        @Test
        @DisplayName("shows one model at every K of the protocol, one row per metric family")
        void byK() {
            try (Artifacts art = Artifacts.open(RankingFixture.write(work))) {
                Table t = RankingEvalReport.metricsByK(art, "test", "popularity");
                assertEquals(List.of("metric", "@1", "@2"), t.columnNames());
                assertEquals("0.300 [0.250, 0.350]", t.stringColumn("@1").get(0));
                assertEquals("0.250 [0.200, 0.300]", t.stringColumn("@2").get(1));
            }
        }

        @Test
        @DisplayName("shows the paired differences with sign and takes the verdict from the report's summary")
        void paired() {
            try (Artifacts art = Artifacts.open(RankingFixture.write(work))) {
                Table t = RankingEvalReport.paired(art, "test");
                assertEquals(List.of("ease", "item_knn", "popularity"), t.stringColumn("baseline").asList());
                assertEquals("+0.100 [+0.050, +0.150]", t.stringColumn("NTG − baseline: ndcg@2").get(2));
                assertEquals("-0.050 [-0.080, -0.020]", t.stringColumn("NTG − baseline: ndcg@2").get(0));
                assertEquals("+0.200 [+0.100, +0.300]", t.stringColumn("NTG − baseline: recall@2").get(2));
                assertEquals("n/a", t.stringColumn("NTG − baseline: hit_rate@2").get(2));
                assertEquals(List.of(false, false, true), t.booleanColumn(4).asList());
            }
        }

        @Test
        @DisplayName("sorts baselines into shown worse, no shown difference and shown better, and names the narrowest margin")
        void verdict() {
            try (Artifacts art = Artifacts.open(RankingFixture.write(work))) {
                assertEquals("On TEST, NTG's ndcg@2 is 0.462 [0.412, 0.512]. Its paired interval lies above zero against 1 of 3 baselines;"
                        + " it includes zero against item_knn (no shown difference); it lies below zero against ease (the baseline is better)."
                        + " The smallest difference is over ease: -0.050 [-0.080, -0.020].", RankingEvalReport.pairedVerdict(art, "test"));
            }
        }

        @Test
        @DisplayName("puts VAL and TEST side by side with ranks (1 = best) and the TEST/VAL ratio; a model absent from VAL has neither")
        void valVsTest() {
            try (Artifacts art = Artifacts.open(RankingFixture.write(work))) {
                Table t = RankingEvalReport.valVsTest(art);
                assertEquals(List.of("ntg", "ease", "item_knn", "popularity"), t.stringColumn("model").asList());
                assertTrue(t.intColumn("rank on VAL").isMissing(1));
                assertEquals(List.of(1, 3, 2), List.of(t.intColumn("rank on VAL").get(0), t.intColumn("rank on VAL").get(2), t.intColumn("rank on VAL").get(3)));
                assertEquals(List.of(2, 1, 3, 4), t.intColumn("rank on TEST").asList());
                assertEquals(RankingFixture.NDCG / 0.26, t.doubleColumn("TEST / VAL").get(0), 1e-12);
                assertTrue(t.doubleColumn("TEST / VAL").isMissing(1));
            }
        }

        @Test
        @DisplayName("orders beyond-accuracy rows from the most to the least popular lists")
        void beyondAccuracy() {
            try (Artifacts art = Artifacts.open(RankingFixture.write(work))) {
                Table t = RankingEvalReport.beyondAccuracy(art, "test");
                assertEquals(List.of("popularity", "item_knn", "ease", "ntg"), t.stringColumn("model").asList());
                assertEquals(950.0, t.doubleColumn("avg_popularity@2 (TRAIN users)").get(0), 1e-12);
                assertEquals(0.4, t.doubleColumn("coverage@2").get(3), 1e-12);
            }
        }

        @Test
        @DisplayName("rejects a window other than val or test")
        void badWindow() {
            try (Artifacts art = Artifacts.open(RankingFixture.write(work))) {
                assertThatThrownBy(() -> RankingEvalReport.metrics(art, "train")).hasMessageContaining("window must be one of [val, test]");
            }
        }
    }

    @Test
    @DisplayName("a window without eval users gives empty tables whose title says why, and a sentence instead of a verdict")
    void emptyWindow() {
        ObjectNode r = RankingFixture.report();
        ObjectNode test = (ObjectNode) r.path("windows").path("test");
        test.put("status", "no_eval_users");
        test.put("message", "no user of the test window has a TRAIN history");
        test.remove("models");
        test.remove("paired_vs_ntg");
        try (Artifacts art = Artifacts.open(RankingFixture.write(work, r))) {
            Table t = RankingEvalReport.metrics(art, "test");
            assertEquals(0, t.rowCount());
            assertThat(t.name()).contains("no rows: no user of the test window has a TRAIN history");
            assertEquals(0, RankingEvalReport.paired(art, "test").rowCount());
            assertThat(RankingEvalReport.pairedVerdict(art, "test")).startsWith("TEST has no eval users");
        }
    }

    @Test
    @DisplayName("a report that breaks its schema fails, naming the file and the schema")
    void invalid() {
        ObjectNode r = RankingFixture.report();
        r.put("schema_version", "1");
        try (Artifacts art = Artifacts.open(RankingFixture.write(work, r))) {
            assertThatThrownBy(() -> RankingEvalReport.metrics(art, "test")).isInstanceOf(NtgException.class)
                    .hasMessageContaining("outputs/reports/ranking.json does not match schema ranking.schema.json");
        }
    }
}
