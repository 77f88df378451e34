package dev.ntg.report.notebook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.io.PathCatalog;
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

@DisplayName("ChurnReport")
class ChurnReportTest {
    @TempDir
    Path work;

    @Nested
    @DisplayName("the churn definition and its data")
    class Definition {
        @Test
        @DisplayName("quotes the label rule, cutoff rule and censoring with the settings that make them concrete")
        void definition() {
            try (Artifacts art = Artifacts.open(ChurnFixture.write(work, true))) {
                assertThat(ChurnReport.definition(art))
                        .startsWith("Churned means: churned = no event in [c, c + horizon_days days).")
                        .contains("horizon_days = 14, min_events = 2, active_window_days = 60")
                        .contains("Cutoffs: cutoffs are UTC midnights.")
                        .contains("Censoring: a user whose horizon runs past the data is censored.");
            }
        }

        @Test
        @DisplayName("lists the four roles with their cutoffs, users, churners (training ones from model.json) and censored users")
        void windows() {
            try (Artifacts art = Artifacts.open(ChurnFixture.write(work, true))) {
                Table t = ChurnReport.windows(art);
                assertEquals(List.of("fit the models", "fit the calibrators", "choose model + calibrator (VAL)", "final evaluation (TEST)"),
                        t.stringColumn("role").asList());
                assertEquals("2023-02-01T00:00:00Z … 2023-02-15T00:00:00Z (2 cutoffs)", t.stringColumn("cutoff(s)").get(0));
                assertEquals("2023-03-01T00:00:00Z", t.stringColumn("cutoff(s)").get(1));
                assertEquals("2023-03-29T00:00:00Z (horizon ends 2023-04-12T00:00:00Z)", t.stringColumn("cutoff(s)").get(3));
                assertEquals(List.of(100L, 40L, 2L, 7L), t.longColumn("users").asList());
                assertEquals(List.of(30L, 12L, 1L, 3L), t.longColumn("churned").asList());
                assertTrue(t.longColumn("censored").isMissing(0), "training labels are never censored: not reported");
                assertEquals(1L, t.longColumn("censored").get(3));
                assertEquals("TRAIN events in [cutoff, cutoff + 14 d)", t.stringColumn("labels from").get(0));
                assertEquals("the TEST window", t.stringColumn("labels from").get(3));
            }
        }

        @Test
        @DisplayName("shows the effective churn config from the stage manifest, nested keys flattened")
        void settings() {
            try (Artifacts art = Artifacts.open(ChurnFixture.write(work, true))) {
                Table t = ChurnReport.settings(art);
                assertEquals(List.of("horizon_days", "gbt.trees", "risk_bands", "selection_metric"), t.stringColumn("churn.*").asList());
                assertEquals(List.of("14", "5", "[0.2,0.5]", "log_loss"), t.stringColumn("value").asList());
            }
        }
    }

    @Nested
    @DisplayName("the model choice on VAL")
    class Selection {
        @Test
        @DisplayName("marks the one chosen candidate and shows both VAL metrics")
        void table() {
            try (Artifacts art = Artifacts.open(ChurnFixture.write(work, true))) {
                Table t = ChurnReport.selection(art);
                assertEquals(List.of(false, true, false), t.booleanColumn("chosen").asList());
                assertEquals(0.29, t.doubleColumn("VAL log loss").get(1), 1e-12);
                assertEquals(0.098, t.doubleColumn("VAL Brier").get(2), 1e-12);
            }
        }

        @Test
        @DisplayName("names the choice, its margin over the runner-up on the selection metric, and that churn.json agrees")
        void verdict() {
            try (Artifacts art = Artifacts.open(ChurnFixture.write(work, true))) {
                assertEquals("VAL chose logistic + platt: the lowest VAL log_loss (0.2900); the runner-up, logistic + none, is 0.0100 "
                        + "higher. TEST played no part in the choice. churn.json records the same choice.", ChurnReport.selectionVerdict(art));
            }
        }

        @Test
        @DisplayName("says so when selection.json and churn.json disagree (files from different runs)")
        void mismatch() {
            var selection = ChurnFixture.report(true).get("selection");
            var churn = (ObjectNode) ChurnFixture.report(true);
            ((ObjectNode) churn.get("selection").get("chosen")).put("model", "gbt");
            assertThat(ChurnReport.selectionVerdict(selection, churn)).startsWith("VAL chose logistic + platt")
                    .contains("churn.json records a DIFFERENT choice").contains("rerun `./ntg score-churn`");
        }
    }

    @Nested
    @DisplayName("the headline metrics")
    class Metrics {
        @Test
        @DisplayName("show every metric as 'estimate [interval]' per scorer, a dash where the report has none")
        void table() {
            try (Artifacts art = Artifacts.open(ChurnFixture.write(work, true))) {
                Table t = ChurnReport.metrics(art, "test");
                assertEquals(7, t.rowCount());
                assertEquals(List.of("metric", "better", "chosen model", "chosen, before calibration", "recency-only baseline", "base-rate baseline"),
                        t.columnNames());
                assertEquals("ROC AUC", t.stringColumn("metric").get(0));
                assertEquals("higher", t.stringColumn("better").get(0));
                assertEquals("lower", t.stringColumn("better").get(2));
                assertEquals("0.9000 [0.8000, 0.9500]", t.stringColumn("chosen model").get(0));
                assertEquals("0.1200 [0.1000, 0.1400]", t.stringColumn("recency-only baseline").get(2));
                assertEquals("0.0150 [0.0200, 0.0600]", t.stringColumn("chosen model").get(5));
                assertEquals("—", t.stringColumn("recency-only baseline").get(5));
                assertThatThrownBy(() -> ChurnReport.metrics(art, "train")).hasMessageContaining("no window train");
            }
        }

        @Test
        @DisplayName("read each paired gain by where its interval lies relative to zero")
        void pairedGains() {
            try (Artifacts art = Artifacts.open(ChurnFixture.write(work, true))) {
                Table t = ChurnReport.pairedGains(art, "test");
                assertEquals(List.of("chosen model better", "cannot tell apart", "chosen model better", "baseline better"),
                        t.stringColumn("reading").asList());
                assertEquals("0.0100 [-0.0050, 0.0200]", t.stringColumn("estimate [95% interval]").get(1));
            }
        }

        @Test
        @DisplayName("sum up in a paragraph that flags an estimate lying outside its own interval")
        void verdict() {
            try (Artifacts art = Artifacts.open(ChurnFixture.write(work, true))) {
                assertThat(ChurnReport.verdict(art, "test"))
                        .startsWith("On TEST (6 labelled users, 3 churned = 50.0%) the chosen model reaches ROC AUC 0.900 [0.800, 0.950] "
                                + "against 0.800 [0.700, 0.850] for recency alone.")
                        .contains("lower than the recency baseline's by 0.0100 [-0.0050, 0.0200]: the interval contains zero")
                        .contains("lower than the base rate's by 0.0500 [0.0300, 0.0700]: the interval excludes zero, so the model is better")
                        .contains("Note: the estimate of ECE, 10 equal-width bins lies outside its own percentile interval");
            }
        }

        @Test
        @DisplayName("put VAL and TEST side by side for the chosen model")
        void valAndTest() {
            try (Artifacts art = Artifacts.open(ChurnFixture.write(work, true))) {
                Table t = ChurnReport.valAndTest(art);
                assertEquals("0.9200 [0.8200, 0.9700]", t.stringColumn("VAL (chose the model)").get(0));
                assertEquals("0.9000 [0.8000, 0.9500]", t.stringColumn("TEST (final)").get(0));
            }
        }

        @Test
        @DisplayName("list the first drivers in the report's order with the direction of their effect")
        void drivers() {
            try (Artifacts art = Artifacts.open(ChurnFixture.write(work, true))) {
                Table t = ChurnReport.drivers(art, 2);
                assertEquals(List.of("f_a", "f_b"), t.stringColumn("feature").asList());
                assertEquals(List.of("raises churn risk", "lowers churn risk"), t.stringColumn("one SD more").asList());
                assertEquals(Math.exp(1.2), t.doubleColumn("odds ratio per SD").get(0), 1e-12);
            }
        }
    }

    @Test
    @DisplayName("a churn.json that does not match its schema is refused, naming the file and the schema")
    void invalidReport() throws Exception {
        ChurnFixture.write(work, true);
        PathCatalog c = new PathCatalog(work);
        java.nio.file.Files.writeString(c.resolve(PathCatalog.CHURN_REPORT), "{\"report\": \"churn\", \"schema_version\": 1}");
        try (Artifacts art = Artifacts.open(work)) {
            assertThatThrownBy(() -> ChurnReport.definition(art)).hasMessageContaining("outputs/reports/churn.json")
                    .hasMessageContaining("churn_report.schema.json");
        }
    }
}
