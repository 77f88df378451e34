package dev.ntg;

import dev.ntg.cli.Stages;
import dev.ntg.data.BuildDatasetStage;
import dev.ntg.io.Artifact;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Json;
import dev.ntg.io.PathCatalog;
import dev.ntg.leakage.LeakageCheckReport;
import dev.ntg.leakage.LeakageRole;
import dev.ntg.leakage.LeakageRoles;
import dev.ntg.leakage.TamperCheck;
import dev.ntg.report.SchemaValidator;
import dev.ntg.run.Stage;
import dev.ntg.run.StageContext;
import dev.ntg.testing.SmallEventLog;
import dev.ntg.testing.TestPipeline;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The tamper test ({@link TamperCheck}, also {@code ntg check-leakage}): after build-dataset, rewrite VAL or TEST
 * (shuffle timestamps, drop half the rows, change values, inject new users, items and events), rerun every later
 * stage, and compare bytes; moving one TRAIN event must change something fitted. Every output of every stage must
 * have a role in {@link LeakageRoles} ({@code LeakageRolesTest}), so a new stage is covered as soon as it exists.
 */
@DisplayName("Leakage: tampering with VAL or TEST leaves what was fitted on TRAIN byte-identical")
class LeakageIT {

    @Test
    @DisplayName("generated CSV log: every case passes")
    void csvLog(@TempDir Path dir) {
        assertAllPass(check(csvPipeline(dir), afterSplit(), LeakageRoles.pipeline()));
    }

    @Test
    @DisplayName("MovieLens 100K: every case passes")
    void movieLens(@TempDir Path dir) {
        assertAllPass(check(TestPipeline.movieLens100k(dir), afterSplit(), LeakageRoles.pipeline()));
    }

    @Test
    @DisplayName("a stage that reads VAL behind the split's back is caught, and named")
    void plantedLeakIsCaught(@TempDir Path dir) {
        Map<Artifact, LeakageRole> roles = Map.of(LeakyStage.OUTPUT, LeakageRole.FITTED);
        LeakageCheckReport report = check(csvPipeline(dir), List.of(new LeakyStage()), new LeakageRoles(roles));

        assertFalse(report.passed());
        LeakageCheckReport.Case val = report.cases().get(0);
        assertEquals(PathCatalog.VAL.relativePath(), val.rewritten());
        assertEquals(List.of(LeakyStage.OUTPUT.relativePath()), val.violations(), "the VAL rewrite must name the leaky output");
        assertTrue(report.cases().get(1).passed(), "it reads VAL only, so the TEST rewrite leaves it alone");
        // the TRAIN edit does not move a count of VAL rows: the sensitivity case says the check saw nothing
        assertFalse(report.cases().get(2).passed());
    }

    private static void assertAllPass(LeakageCheckReport report) {
        assertEquals(List.of("rewrite VAL", "rewrite TEST", "move one TRAIN event"), report.cases().stream().map(LeakageCheckReport.Case::name).toList());
        for (LeakageCheckReport.Case c : report.cases()) {
            assertEquals(List.of(), c.violations(), c.name() + ": " + c.expectation());
            assertNotEquals(c.sha256Before(), c.sha256After(), c.name() + " must change the file it rewrites");
            assertTrue(c.passed());
        }
        LeakageCheckReport.Case val = report.cases().get(0);
        LeakageCheckReport.Case test = report.cases().get(1);
        // the windows really were rewritten: rows dropped and injected, and what VAL tunes did move with VAL
        assertNotEquals(val.rowsBefore(), val.rowsAfter());
        assertTrue(val.moved().contains(PathCatalog.RANKING_BLEND.relativePath()) || val.moved().contains(PathCatalog.CHURN_SELECTION.relativePath())
                || val.moved().contains(PathCatalog.RANKING_REPORT.relativePath()), "rewriting VAL moved nothing tuned or evaluated on it: " + val.moved());
        assertTrue(test.moved().contains(PathCatalog.RANKING_REPORT.relativePath()), "TEST metrics must move with TEST: " + test.moved());
        assertTrue(report.cases().get(2).moved().contains(PathCatalog.USER_FEATURES.relativePath()));
        assertTrue(report.passed());
        SchemaValidator.of(LeakageCheckReport.SCHEMA).check(Json.MAPPER.valueToTree(report), "leakage_check.json");
    }

    private static LeakageCheckReport check(TestPipeline p, List<Stage> stages, LeakageRoles roles) {
        p.run(new BuildDatasetStage());
        Path workDir = p.workDirPath("");
        LeakageCheckReport report = new TamperCheck(p.config(), stages, roles).run(workDir);
        assertFalse(Files.exists(workDir.resolve(TamperCheck.SCRATCH_DIR)), "the scratch copies must be removed");
        return report;
    }

    private static List<Stage> afterSplit() {
        List<Stage> all = Stages.all();
        int dataset = all.stream().map(Stage::name).toList().indexOf(new BuildDatasetStage().name());
        return all.subList(dataset + 1, all.size());
    }

    private static TestPipeline csvPipeline(Path dir) {
        return TestPipeline.create(dir, SmallEventLog.write(dir.resolve("events.csv")));
    }

    /** Declares only TRAIN, but counts VAL's rows by path: the kind of leak a declared-inputs check would miss. */
    private static final class LeakyStage implements Stage {
        static final Artifact OUTPUT = new Artifact("leaky", "outputs/leaky/val_rows.json", "leaky");

        @Override public String name() { return "leaky"; }
        @Override public String description() { return "reads VAL behind the split's back"; }
        @Override public String manifestDir() { return "outputs/leaky"; }
        @Override public List<Artifact> inputs(dev.ntg.config.NtgConfig config) { return List.of(PathCatalog.TRAIN); }
        @Override public List<Artifact> outputs(dev.ntg.config.NtgConfig config) { return List.of(OUTPUT); }
        @Override public List<String> configSections() { return List.of("project"); }

        @Override
        public void run(StageContext ctx) {
            long rows = ctx.duck().queryLong("SELECT count(*) FROM " + DuckSession.parquet(ctx.workDir().resolve(PathCatalog.VAL.relativePath())));
            Json.write(ctx.output(OUTPUT), Map.of("val_rows", rows));
        }
    }
}
