package dev.ntg.report.notebook;

import dev.ntg.io.Json;
import dev.ntg.io.PathCatalog;
import dev.ntg.leakage.LeakageCheckReport;
import dev.ntg.leakage.LeakageCheckReport.ArtifactOutcome;
import dev.ntg.leakage.LeakageRole;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("TamperReport: the tamper test's results in notebook 01")
class TamperReportTest {
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);
    private static final String FEATURES = "data/features/users.parquet";
    private static final String BLEND = "outputs/ranking/blend.json";
    private static final String METRICS = "outputs/reports/ranking.json";

    /** Two artifacts guarded under VAL (the features), three under TEST (features and blend); the TEST case leaked. */
    private static LeakageCheckReport report() {
        var val = new LeakageCheckReport.Case("rewrite VAL", "data/processed/splits/val.parquet", "c", 100, 80, A, B, "e",
                List.of(new ArtifactOutcome(FEATURES, "build-features", LeakageRole.FITTED, true, false),
                        new ArtifactOutcome(BLEND, "rank", LeakageRole.VAL_TUNED, false, true),
                        new ArtifactOutcome(METRICS, "rank", LeakageRole.EVALUATION, false, true)),
                List.of(BLEND, METRICS), List.of(), true);
        var test = new LeakageCheckReport.Case("rewrite TEST", "data/processed/splits/test.parquet", "c", 90, 70, A, B, "e",
                List.of(new ArtifactOutcome(FEATURES, "build-features", LeakageRole.FITTED, true, false),
                        new ArtifactOutcome(BLEND, "rank", LeakageRole.VAL_TUNED, true, true),
                        new ArtifactOutcome(METRICS, "rank", LeakageRole.EVALUATION, false, true)),
                List.of(BLEND, METRICS), List.of(BLEND), false);
        var train = new LeakageCheckReport.Case("move one TRAIN event", "data/processed/splits/train.parquet", "c", 500, 500, A, B, "e",
                List.of(new ArtifactOutcome(FEATURES, "build-features", LeakageRole.FITTED, false, true),
                        new ArtifactOutcome(BLEND, "rank", LeakageRole.VAL_TUNED, false, false),
                        new ArtifactOutcome(METRICS, "rank", LeakageRole.EVALUATION, false, true)),
                List.of(FEATURES, METRICS), List.of(), true);
        return new LeakageCheckReport("1", "leakage_check", new LeakageCheckReport.SplitHashes(A, A, A), List.of(val, test, train), false);
    }

    private static Artifacts withReport(Path dir) {
        Json.writeAtomically(dir.resolve(PathCatalog.LEAKAGE_CHECK.relativePath()), report());
        return Artifacts.open(dir);
    }

    @Test
    @DisplayName("the verdict counts guarded artifacts and leaks per case, read back from the JSON file")
    void verdict(@TempDir Path dir) {
        assertEquals("FAILED: rewrite VAL moved 0 of the 1 artifacts that must keep their bytes (2 allowed to move did); "
                        + "rewrite TEST moved 1 of the 2 artifacts that must keep their bytes (2 allowed to move did); "
                        + "move one TRAIN event changed 1 FITTED artifacts, so the comparison can fail.",
                TamperReport.verdict(withReport(dir)));
    }

    @Test
    @DisplayName("cases: one row per case with rows, guarded count and violations")
    void cases(@TempDir Path dir) {
        Table t = TamperReport.cases(withReport(dir));
        assertEquals(3, t.rowCount());
        assertEquals(List.of(1, 2, 0), t.intColumn("must keep bytes").asList());
        assertEquals(List.of("none", BLEND, "none"), t.stringColumn("violations").asList());
        assertEquals(80L, t.longColumn("rows after").get(0));
        assertEquals(List.of(true, false, true), t.booleanColumn("passed").asList());
    }

    @Test
    @DisplayName("artifacts: the role matrix marks a required artifact that moved as a leak")
    void artifacts(@TempDir Path dir) {
        Table t = TamperReport.artifacts(withReport(dir));
        assertEquals(List.of(FEATURES, BLEND, METRICS), t.stringColumn("artifact").asList());
        assertEquals(List.of("kept (required)", "moved", "moved"), t.stringColumn("rewrite VAL").asList());
        assertEquals(List.of("kept (required)", "MOVED (leak)", "moved"), t.stringColumn("rewrite TEST").asList());
        assertEquals(List.of("moved", "kept", "moved"), t.stringColumn("move one TRAIN event").asList());
    }

    @Test
    @DisplayName("without a check in the work dir: a sentence that says how to run it, and empty tables")
    void absent(@TempDir Path dir) {
        Artifacts art = Artifacts.open(dir);
        assertTrue(TamperReport.verdict(art).contains("./ntg check-leakage"));
        assertEquals(0, TamperReport.cases(art).rowCount());
        assertEquals(0, TamperReport.artifacts(art).rowCount());
    }
}
