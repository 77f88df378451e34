package dev.ntg.report.notebook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("ExperimentReport")
class ExperimentReportTest {
    @TempDir
    Path work;

    @Test
    @DisplayName("the assignment rule names the experiment, arms and shares in the report's words")
    void rule() {
        try (Artifacts art = Artifacts.open(DecisionFixture.write(work))) {
            assertEquals("Experiment exp: hash of salt, id and user. Arms control / treatment with shares 20% / 80% (salt 's'). "
                    + "Primary metric: retention. Sample size: Fleiss.", ExperimentReport.assignmentRule(art));
        }
    }

    @Test
    @DisplayName("the design shows arm counts, lifts in percentage points, and a dash where the report has no value")
    void design() {
        try (Artifacts art = Artifacts.open(DecisionFixture.write(work))) {
            Table t = ExperimentReport.design(art);
            assertEquals(List.of("1 / 1", "0 / 1"), t.stringColumn("control / treatment").asList());
            assertEquals(List.of("4.5 pp", "20.0 pp"), t.stringColumn("expected lift (assumed)").asList());
            assertEquals(List.of("—", "15.0 pp"), t.stringColumn("min. detectable lift").asList());
            assertEquals(1500L, t.longColumn("users needed").get(0));
            assertTrue(t.longColumn("users needed").isMissing(1));
            assertEquals(List.of(false, true), t.booleanColumn("SRM alarm").asList());
        }
    }

    @Test
    @DisplayName("the design verdict tells an under-powered test from a powered one and raises the SRM alarm")
    void designVerdict() {
        try (Artifacts art = Artifacts.open(DecisionFixture.write(work))) {
            assertEquals("email: UNDER-POWERED, 2 users give power 0.06 for the assumed lift of 4.5 pp (no lift in the curve's range reaches "
                    + "power 0.80; 1,500 users would be needed), so a null result would say little. call: 1 users give power 0.90 for the "
                    + "assumed lift of 20.0 pp, enough to confirm or refute it. SRM ALARM for call (p = 0.3000): its arms do not have the "
                    + "configured shares, so the assignment is broken and no readout of it can be trusted until that is fixed.",
                    ExperimentReport.designVerdict(art));
        }
    }

    @Test
    @DisplayName("assignment.parquet's arm counts sit next to the report's, with target and observed shares; control is never treated")
    void assignment() {
        try (Artifacts art = Artifacts.open(DecisionFixture.write(work))) {
            Table t = ExperimentReport.assignment(art);
            assertEquals(List.of("email", "email", "call", "call"), t.stringColumn("action").asList());
            assertEquals(List.of(1L, 1L, 0L, 1L), t.longColumn("users (assignment.parquet)").asList());
            assertEquals(List.of(1L, 1L, 0L, 1L), t.longColumn("cross-check: decisions.json").asList());
            assertEquals(List.of(0.2, 0.8, 0.2, 0.8), t.doubleColumn("target share").asList());
            assertEquals(List.of(0.5, 0.5, 0.0, 1.0), t.doubleColumn("observed share").asList());
            assertEquals(List.of(0L, 1L, 0L, 1L), t.longColumn("marked treated").asList());
        }
    }

    @Test
    @DisplayName("balance lists each arm's users per risk band in churn.json's band order, and the χ² p-value or why there is none")
    void balance() {
        try (Artifacts art = Artifacts.open(DecisionFixture.write(work))) {
            Table t = ExperimentReport.balance(art);
            assertEquals(List.of("action", "arm", "low", "medium", "high", "mean p_churn", "χ² p-value (arm × band)"), t.columnNames());
            assertEquals(List.of(0L, 1L, 0L, 1L), t.longColumn("high").asList());
            assertEquals(List.of(1L, 0L, 0L, 0L), t.longColumn("medium").asList());
            assertEquals("0.160", t.stringColumn("χ² p-value (arm × band)").get(0));
            assertEquals("— (one band only)", t.stringColumn("χ² p-value (arm × band)").get(2));
            assertTrue(t.doubleColumn("mean p_churn").isMissing(2), "the report has no mean p for an empty arm");
        }
    }

    @Test
    @DisplayName("the simulated readout shows each lift with its interval, and the verdict names the significant ones")
    void readout() {
        try (Artifacts art = Artifacts.open(DecisionFixture.write(work))) {
            Table t = ExperimentReport.readout(art);
            assertEquals(List.of("1.000 [-0.200, 1.000]", "0.600 [0.200, 0.900]"), t.stringColumn("lift [95% interval]").asList());
            assertEquals(List.of("1 / 1", "0 / 1"), t.stringColumn("control / treated").asList());
            assertEquals(2, t.booleanColumn("interval covers planted").countTrue());
            assertThat(ExperimentReport.readoutVerdict(art)).startsWith("2 of 2 actions' intervals cover the planted lift")
                    .contains("Lifts distinguishable from zero: call.").contains("The other intervals include zero");
        }
    }

    @Test
    @DisplayName("without a simulated readout the table is empty and the verdict quotes the report's note")
    void noReadout() {
        try (Artifacts art = Artifacts.open(DecisionFixture.write(work, r -> {
            r.putNull("simulated_readout");
            r.put("simulated_readout_note", "not synthetic data");
        }))) {
            assertEquals(0, ExperimentReport.readout(art).rowCount());
            assertEquals("No simulated readout: not synthetic data", ExperimentReport.readoutVerdict(art));
        }
    }

    @Test
    @DisplayName("a lift is shown in percentage points, a null one as a dash")
    void points() {
        assertEquals("12.3 pp", ExperimentReport.points(ChurnFixture.json("0.1234")));
        assertEquals("—", ExperimentReport.points(ChurnFixture.json("null")));
        assertEquals("—", ExperimentReport.points(((ObjectNode) ChurnFixture.json("{}")).path("x")));
    }
}
