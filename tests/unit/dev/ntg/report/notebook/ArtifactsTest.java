package dev.ntg.report.notebook;

import dev.ntg.NtgException;
import dev.ntg.data.SplitManifest;
import dev.ntg.io.PathCatalog;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

@DisplayName("Artifacts")
class ArtifactsTest {
    @TempDir
    Path work;

    @Nested
    @DisplayName("over a work dir that holds a split")
    class WithSplit {
        @Test
        @DisplayName("reads split_manifest.json into the typed record")
        void manifest() {
            SplitFixture.write(work);
            try (Artifacts art = Artifacts.open(work)) {
                SplitManifest m = art.splitManifest();
                assertEquals(SplitFixture.VAL_START, m.valStart());
                assertEquals(3, m.parts().get("train").rows());
                assertEquals(1, m.coldStart().get("val").newItems());
                assertThat(art.describe()).contains("7 events").contains("'fixture'").contains(SplitFixture.TEST_START);
            }
        }

        @Test
        @DisplayName("reads a Parquet artifact as a table named after it, ts as INSTANT")
        void table() {
            SplitFixture.write(work);
            try (Artifacts art = Artifacts.open(work)) {
                Table train = art.table(PathCatalog.TRAIN);
                assertEquals("train", train.name());
                assertEquals(3, train.rowCount());
                assertEquals(ColumnType.INSTANT, train.column("ts").type());
                Table n = art.query("SELECT count(*) + sum(user_id) AS n FROM " + art.parquet(PathCatalog.VAL), "n");
                assertEquals(2 + 4, n.longColumn("n").get(0));
            }
        }
    }

    @Nested
    @DisplayName("over a work dir that holds rank's outputs")
    class WithReports {
        @Test
        @DisplayName("reads a JSON artifact once and returns the same tree on the next call")
        void json() {
            try (Artifacts art = Artifacts.open(RankingFixture.write(work))) {
                var blend = art.json(PathCatalog.RANKING_BLEND);
                assertEquals(0.26, blend.path("val_objective").asDouble(), 1e-12);
                assertSame(blend, art.json(PathCatalog.RANKING_BLEND));
            }
        }

        @Test
        @DisplayName("checks a published report against the schema the evaluate stage uses for it")
        void report() {
            var bad = RankingFixture.report();
            bad.remove("summary");
            try (Artifacts art = Artifacts.open(RankingFixture.write(work, bad))) {
                assertThatThrownBy(() -> art.report(PathCatalog.RANKING_REPORT)).isInstanceOf(NtgException.class)
                        .hasMessageContaining("outputs/reports/ranking.json does not match schema ranking.schema.json");
                assertThatThrownBy(() -> art.report(PathCatalog.RANKING_REPORT)).as("a failed check is not remembered as passed")
                        .isInstanceOf(NtgException.class);
            }
        }

        @Test
        @DisplayName("refuses to schema-check a file that is not a published report")
        void notAReport() {
            try (Artifacts art = Artifacts.open(RankingFixture.write(work))) {
                assertThatThrownBy(() -> art.report(PathCatalog.RANKING_BLEND)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("outputs/ranking/blend.json is not a published report");
            }
        }
    }

    @Test
    @DisplayName("reads a JSON report once it passes its schema; a file that does not, or a non-report, is refused")
    void report() throws Exception {
        GraphTasteFixture.write(work);
        try (Artifacts art = Artifacts.open(work)) {
            assertEquals(8, art.report(PathCatalog.GRAPH_DIAGNOSTICS).path("edges").asLong());
            assertThatThrownBy(() -> art.report(PathCatalog.ITEM_EDGES)).hasMessageContaining("is not a published report");
        }
        Files.writeString(new PathCatalog(work).resolve(PathCatalog.TASTE_DIAGNOSTICS), "{\"schema_version\": \"1\"}");
        try (Artifacts art = Artifacts.open(work)) {
            assertThatThrownBy(() -> art.report(PathCatalog.TASTE_DIAGNOSTICS)).isInstanceOf(NtgException.class)
                    .hasMessageContaining("outputs/taste/taste_diagnostics.json does not match schema taste_diagnostics.schema.json");
        }
    }

    @Test
    @DisplayName("a missing artifact names the file and the command that writes it")
    void missing() throws Exception {
        Files.createDirectories(work);
        try (Artifacts art = Artifacts.open(work)) {
            assertThatThrownBy(art::splitManifest).isInstanceOf(NtgException.class)
                    .hasMessageContaining("data/processed/splits/split_manifest.json not found")
                    .hasMessageContaining("./ntg build-dataset");
        }
        assertThatThrownBy(() -> Artifacts.open(work.resolve("nope"))).hasMessageContaining("does not exist");
    }

    @Nested
    @DisplayName("default work dir")
    class DefaultWorkDir {
        @Test
        @DisplayName("is $NTG_WORKDIR when set")
        void env() {
            assertEquals(work.toAbsolutePath(), Artifacts.defaultWorkDir(work.toString(), "/elsewhere", Path.of("/")));
        }

        @Test
        @DisplayName("else the project the notebook's first cell found")
        void property() {
            assertEquals(work.toAbsolutePath(), Artifacts.defaultWorkDir(null, work.toString(), Path.of("/")));
        }

        @Test
        @DisplayName("else the nearest folder above the current one that holds the ntg launcher and a pom")
        void walkUp() throws Exception {
            Files.writeString(work.resolve("ntg"), "");
            Files.writeString(work.resolve("pom.xml"), "");
            Path nb = Files.createDirectories(work.resolve("notebooks"));
            assertEquals(work.toAbsolutePath(), Artifacts.defaultWorkDir("", null, nb));
        }
    }
    @Nested
    @DisplayName("JSON artifacts and stage manifests")
    class JsonArtifacts {
        @Test
        @DisplayName("reads a JSON artifact and a schema-valid report")
        void json() {
            ChurnFixture.write(work, true);
            try (Artifacts art = Artifacts.open(work)) {
                assertEquals(30, art.json(PathCatalog.CHURN_MODEL).path("training").path("model_churned").asInt());
                assertEquals("churn", art.report(PathCatalog.CHURN_REPORT).path("report").asText());
            }
        }

        @Test
        @DisplayName("refuses to schema-check a file that is not a published report")
        void notAReport() {
            ChurnFixture.write(work, true);
            try (Artifacts art = Artifacts.open(work)) {
                assertThatThrownBy(() -> art.report(PathCatalog.CHURN_MODEL)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("outputs/churn/model.json is not a published report");
            }
        }

        @Test
        @DisplayName("finds the manifest of the stage that wrote an artifact beside it, with the config it ran with")
        void manifest() {
            ChurnFixture.write(work, true);
            try (Artifacts art = Artifacts.open(work)) {
                assertEquals(14, art.stageManifest(PathCatalog.CHURN_SCORES).config().path("churn").path("horizon_days").asInt());
            }
        }

        @Test
        @DisplayName("a manifest of another stage beside the artifact is an error naming the stage to rerun")
        void wrongManifest() {
            ChurnFixture.write(work, true);
            try (Artifacts art = Artifacts.open(work)) {
                assertThatThrownBy(() -> art.stageManifest(PathCatalog.CHURN_REPORT)).isInstanceOf(NtgException.class)
                        .hasMessageContaining("no readable manifest of `score-churn`").hasMessageContaining("outputs/reports/_manifest.json");
                // outputs/reports/ holds evaluate's manifest: churn.json's producer keeps its own elsewhere
                dev.ntg.io.Json.write(work.resolve("outputs/reports/_manifest.json"), new dev.ntg.run.StageManifest("evaluate", "0", "lib", "c",
                        false, null, "h", java.util.List.of(), 1, java.util.List.of(), java.util.List.of(), java.util.Map.of(), "t0", "t1", 0));
                assertThatThrownBy(() -> art.stageManifest(PathCatalog.CHURN_REPORT)).hasMessageContaining("rerun `./ntg score-churn`");
            }
        }
    }
}
