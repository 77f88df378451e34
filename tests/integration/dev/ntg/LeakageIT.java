package dev.ntg;

import dev.ntg.cli.Stages;
import dev.ntg.data.BuildDatasetStage;
import dev.ntg.io.Artifact;
import dev.ntg.report.EvaluateStage;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Hashing;
import dev.ntg.run.Stage;
import dev.ntg.testing.SmallEventLog;
import dev.ntg.testing.TestPipeline;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.ntg.io.PathCatalog.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The tamper test: after build-dataset, rewrite VAL or TEST (shuffle timestamps within the window, drop half the
 * rows, change values, inject events of brand-new users and items and new events of known users), rerun every
 * later stage, and compare bytes. Every stage registered after build-dataset must classify each of its outputs
 * in one of the three lists below, so a new stage is covered as soon as it is registered.
 */
@DisplayName("Leakage: tampering with VAL or TEST leaves what was fitted on TRAIN byte-identical")
class LeakageIT {
    /** Fitted or aggregated on TRAIN: identical whatever happens to VAL or TEST. Later stages append theirs. */
    static final List<Artifact> FITTED = List.of(USER_FEATURES, ITEM_FEATURES, INTERACTION_FEATURES, FEATURE_MANIFEST,
            ITEM_EDGES, GRAPH_DIAGNOSTICS,
            TASTE_AXES, ITEM_AXES, USER_TASTE, TASTE_DIAGNOSTICS, USER_FACTORS, ITEM_FACTORS,
            CHURN_EXAMPLES, CHURN_MODEL);
    // rank: blend weights are chosen on VAL; candidates.parquet depends on TRAIN and those weights only
    /** Choices tuned on VAL (blend weights, K, calibration method): may move with VAL, never with TEST. */
    // plan-retention: nothing is fitted; it reads the TEST-cutoff scores (TRAIN-fitted, VAL-chosen model, history before the
    // TEST cutoff incl. VAL events), never TEST outcomes: every output may move with VAL, none with TEST
    static final List<Artifact> VAL_TUNED = List.of(RANKING_BLEND, RANKING_CANDIDATES, CHURN_SELECTION,
            VALUE_AT_RISK, RETENTION_PLAN, ASSIGNMENT, DECISIONS_REPORT);
    /** Evaluation outputs (metrics on VAL or TEST): may move when either window changes. */
    // evaluate: the run summary, figures and HTML report restate the reports; the published schemas never move
    static final List<Artifact> EVALUATION = Stream.of(List.of(RANKING_REPORT, CHURN_SCORES, CHURN_REPORT, RUN_SUMMARY, HTML_REPORT),
            EvaluateStage.FIGURES.stream().map(dev.ntg.io.PathCatalog::figure).toList(),
            EvaluateStage.SCHEMAS.stream().map(dev.ntg.io.PathCatalog::publishedSchema).toList()).flatMap(List::stream).toList();

    /** The window rewritten, and what must keep its bytes when it is. */
    enum Window {
        VAL(dev.ntg.io.PathCatalog.VAL, FITTED),
        TEST(dev.ntg.io.PathCatalog.TEST, Stream.concat(FITTED.stream(), VAL_TUNED.stream()).toList());

        final Artifact part;
        final List<Artifact> mustNotMove;

        Window(Artifact part, List<Artifact> mustNotMove) {
            this.part = part;
            this.mustNotMove = mustNotMove;
        }
    }

    @Test
    @DisplayName("every output of every stage after build-dataset is classified")
    void everyOutputClassified(@TempDir Path dir) {
        TestPipeline p = csvPipeline(dir);
        List<Artifact> classified = Stream.of(FITTED, VAL_TUNED, EVALUATION).flatMap(List::stream).toList();
        for (Stage s : downstream()) {
            for (Artifact a : s.outputs(p.config().config())) {
                assertTrue(classified.contains(a), s.name() + " writes " + a.relativePath()
                        + ": add it to LeakageIT.FITTED, VAL_TUNED or EVALUATION");
            }
        }
    }

    @ParameterizedTest(name = "{0} rewritten (generated CSV log)")
    @EnumSource(Window.class)
    void csvLog(Window window, @TempDir Path dir) {
        assertTamperProof(csvPipeline(dir), window);
    }

    @ParameterizedTest(name = "{0} rewritten (MovieLens 100K)")
    @EnumSource(Window.class)
    void movieLens(Window window, @TempDir Path dir) {
        assertTamperProof(TestPipeline.movieLens100k(dir), window);
    }

    @Test
    @DisplayName("the test can fail: moving one TRAIN event changes the user features")
    void trainChangeIsSeen(@TempDir Path dir) {
        TestPipeline p = csvPipeline(dir);
        p.run(new BuildDatasetStage());
        Map<Artifact, String> before = runDownstream(p, FITTED);
        try (DuckSession duck = DuckSession.inMemory()) {
            // The latest TRAIN event one hour earlier: still TRAIN, but its user's recency moves.
            rewrite(duck, p.path(TRAIN), "WITH last AS (SELECT user_id, item_id, ts FROM w ORDER BY ts DESC, user_id, item_id LIMIT 1) "
                    + "SELECT w.user_id, w.item_id, CASE WHEN last.user_id IS NULL THEN w.ts ELSE w.ts - INTERVAL 1 HOUR END AS ts, w.value "
                    + "FROM w LEFT JOIN last ON w.user_id = last.user_id AND w.item_id = last.item_id AND w.ts = last.ts");
        }
        Map<Artifact, String> after = runDownstream(p, FITTED);
        assertNotEquals(before.get(USER_FEATURES), after.get(USER_FEATURES));
    }

    private static void assertTamperProof(TestPipeline p, Window window) {
        p.run(new BuildDatasetStage());
        Map<Artifact, String> before = runDownstream(p, window.mustNotMove);
        String windowHash = Hashing.sha256(p.path(window.part));
        try (DuckSession duck = DuckSession.inMemory()) {
            tamper(duck, p.path(window.part));
        }
        assertNotEquals(windowHash, Hashing.sha256(p.path(window.part)), "the tampering must change " + window.part.relativePath());
        Map<Artifact, String> after = runDownstream(p, window.mustNotMove);
        List<String> moved = new ArrayList<>();
        before.forEach((a, h) -> {
            if (!h.equals(after.get(a))) moved.add(a.relativePath());
        });
        assertEquals(List.of(), moved, window + " leaked into artifacts that must only depend on TRAIN");
    }

    /** Drops about half the rows, shuffles timestamps among the rest, flips values, and injects events. */
    private static void tamper(DuckSession duck, Path file) {
        rewrite(duck, file, "WITH numbered AS (SELECT *, row_number() OVER (ORDER BY user_id, ts, item_id, value) AS rn FROM w), "
                + "kept AS (SELECT * FROM numbered WHERE hash(rn, 'keep') % 2 = 0), "
                + "rows AS (SELECT user_id, item_id, value, row_number() OVER (ORDER BY hash(rn, 'row'), rn) AS k FROM kept), "
                + "times AS (SELECT ts, row_number() OVER (ORDER BY hash(rn, 'ts'), rn) AS k FROM kept), "
                + "shuffled AS (SELECT user_id, item_id, ts, CASE WHEN value IS NULL THEN 1.0 ELSE 6 - value END AS value "
                + "FROM rows JOIN times USING (k)), "
                + "start AS (SELECT min(ts) AS ts FROM w), "
                + "new_people AS (SELECT 'tamper-user-' || i AS user_id, 'tamper-item-' || (i % 7) AS item_id, start.ts, 5.0 AS value "
                + "FROM range(50) r(i), start), "
                + "known_people AS (SELECT user_id, item_id, start.ts, 1.0 AS value "
                + "FROM (SELECT DISTINCT user_id, item_id FROM w ORDER BY user_id, item_id LIMIT 50), start) "
                + "SELECT * FROM shuffled UNION ALL SELECT * FROM new_people UNION ALL SELECT * FROM known_people");
    }

    /** Replaces a split file with {@code query} over its rows (available as table {@code w}), keeping the schema. */
    private static void rewrite(DuckSession duck, Path file, String query) {
        duck.execute("CREATE OR REPLACE TABLE w AS SELECT * FROM " + DuckSession.parquet(file));
        duck.execute("CREATE OR REPLACE TABLE rewritten AS SELECT CAST(user_id AS VARCHAR) AS user_id, CAST(item_id AS VARCHAR) AS item_id, "
                + "CAST(ts AS TIMESTAMP) AS ts, CAST(value AS DOUBLE) AS value FROM (" + query + ")");
        duck.copyToParquet("SELECT * FROM rewritten ORDER BY user_id, ts, item_id, value", file);
    }

    /** Runs every stage after build-dataset (the split stays fixed) and hashes the given artifacts. */
    private static Map<Artifact, String> runDownstream(TestPipeline p, List<Artifact> artifacts) {
        downstream().forEach(p::run);
        Map<Artifact, String> hashes = new LinkedHashMap<>();
        for (Artifact a : artifacts) hashes.put(a, Hashing.sha256(p.path(a)));
        return hashes;
    }

    private static List<Stage> downstream() {
        List<Stage> all = Stages.all();
        int dataset = all.stream().map(Stage::name).toList().indexOf(new BuildDatasetStage().name());
        return all.subList(dataset + 1, all.size());
    }

    private static TestPipeline csvPipeline(Path dir) {
        return TestPipeline.create(dir, SmallEventLog.write(dir.resolve("events.csv")));
    }
}
