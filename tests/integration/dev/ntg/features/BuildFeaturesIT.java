package dev.ntg.features;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ntg.NtgException;
import dev.ntg.data.BuildDatasetStage;
import dev.ntg.data.GenerateEventsStage;
import dev.ntg.io.Artifact;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Hashing;
import dev.ntg.io.Json;
import dev.ntg.report.SchemaValidator;
import dev.ntg.testing.SmallEventLog;
import dev.ntg.testing.TestPipeline;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.ntg.io.PathCatalog.*;
import static org.junit.jupiter.api.Assertions.*;

@DisplayName("build-features")
class BuildFeaturesIT {
    private static final List<Artifact> OUTPUTS = List.of(USER_FEATURES, ITEM_FEATURES, INTERACTION_FEATURES, FEATURE_MANIFEST);

    @Nested
    @DisplayName("on a generated CSV log")
    class OnCsv {
        @Test
        @DisplayName("writes the three tables and a manifest that matches them, and reruns byte-identically")
        void buildsAndIsDeterministic(@TempDir Path dir) {
            TestPipeline p = TestPipeline.create(dir, SmallEventLog.write(dir.resolve("events.csv")));
            p.run(new BuildDatasetStage());
            checkOutputs(p);
        }

        @Test
        @DisplayName("before build-dataset: says which stage to run first")
        void beforeBuildDataset(@TempDir Path dir) {
            TestPipeline p = TestPipeline.create(dir, SmallEventLog.write(dir.resolve("events.csv")));
            NtgException e = assertThrows(NtgException.class, () -> p.run(new BuildFeaturesStage()));
            assertTrue(e.getMessage().contains("build-features needs data/processed/splits/train.parquet"), e.getMessage());
            assertTrue(e.getMessage().contains("run `ntg build-dataset` first"), e.getMessage());
        }
    }

    @Test
    @DisplayName("on MovieLens 100K: writes the three tables and a matching manifest, reruns byte-identically")
    void movieLens(@TempDir Path dir) {
        TestPipeline p = TestPipeline.movieLens100k(dir);
        p.run(new BuildDatasetStage());
        checkOutputs(p);
    }

    @Test
    @DisplayName("on the dev synthetic service: same bytes with 1 and 2 DuckDB threads (sums are exact)")
    void syntheticDevAcrossThreadCounts(@TempDir Path dir) {
        String[] dev = {"dataset.synthetic.events=200000", "dataset.synthetic.users=2000", "dataset.synthetic.items=1500",
                "dataset.synthetic.days=240"};
        TestPipeline two = TestPipeline.create(dir, concat(dev, "project.threads=2"));
        two.run(new GenerateEventsStage());
        two.run(new BuildDatasetStage());
        checkOutputs(two);
        List<String> withTwo = hashes(two);
        TestPipeline one = TestPipeline.create(dir, concat(dev, "project.threads=1"));
        one.run(new BuildFeaturesStage());
        assertEquals(withTwo, hashes(one));
    }

    private static String[] concat(String[] sets, String more) {
        List<String> all = new ArrayList<>(List.of(sets));
        all.add(more);
        return all.toArray(String[]::new);
    }

    /** Runs the stage twice and checks row counts, manifest agreement with the files, and identical bytes. */
    private static void checkOutputs(TestPipeline p) {
        p.run(new BuildFeaturesStage());
        List<String> first = hashes(p);
        JsonNode manifest = Json.read(p.path(FEATURE_MANIFEST));
        assertEquals(List.of(), SchemaValidator.of(FeatureManifest.SCHEMA).violations(manifest));
        JsonNode split = Json.read(p.path(SPLIT_MANIFEST));
        assertEquals(split.get("val_start").asText(), manifest.get("as_of").asText());
        assertEquals(Hashing.sha256(p.path(TRAIN)), manifest.at("/provenance/inputs/0/sha256").asText());
        assertEquals("train", manifest.at("/provenance/inputs/0/name").asText());
        assertEquals(List.of(TRAIN.relativePath()), Json.MAPPER.convertValue(manifest.at("/provenance/data_files"), List.class),
                "the features' data fingerprint covers TRAIN only");

        try (DuckSession duck = DuckSession.inMemory()) {
            String train = DuckSession.parquet(p.path(TRAIN));
            assertEquals(duck.queryLong("SELECT count(DISTINCT user_id) FROM " + train), rows(duck, p, USER_FEATURES));
            assertEquals(duck.queryLong("SELECT count(DISTINCT item_id) FROM " + train), rows(duck, p, ITEM_FEATURES));
            assertEquals(duck.queryLong("SELECT count(*) FROM (SELECT DISTINCT user_id, item_id FROM " + train + ")"),
                    rows(duck, p, INTERACTION_FEATURES));
            assertEquals(duck.queryLong("SELECT count(*) FROM " + train),
                    duck.queryLong("SELECT sum(event_count) FROM " + DuckSession.parquet(p.path(USER_FEATURES))));
            for (JsonNode table : manifest.get("tables")) {
                Path file = p.catalog().workDir().resolve(table.get("path").asText());
                List<String> inFile = duck.query("SELECT column_name || ' ' || column_type FROM (DESCRIBE SELECT * FROM "
                        + DuckSession.parquet(file) + ")", rs -> rs.getString(1));
                List<String> described = new ArrayList<>();
                table.get("columns").forEach(c -> described.add(c.get("name").asText() + " " + c.get("type").asText()));
                assertEquals(inFile, described, "manifest columns of " + table.get("name"));
                assertEquals(duck.queryLong("SELECT count(*) FROM " + DuckSession.parquet(file)), table.get("rows").asLong());
            }
            assertTrue(duck.queryLong("SELECT count(*) FROM " + DuckSession.parquet(p.path(USER_FEATURES))
                    + " WHERE recency_days < 0 OR tenure_days < 0 OR head_share NOT BETWEEN 0 AND 1") == 0, "features out of range");
        }

        p.run(new BuildFeaturesStage());
        assertEquals(first, hashes(p), "a rerun must give byte-identical outputs");
    }

    private static long rows(DuckSession duck, TestPipeline p, Artifact a) {
        return duck.queryLong("SELECT count(*) FROM " + DuckSession.parquet(p.path(a)));
    }

    private static List<String> hashes(TestPipeline p) {
        return OUTPUTS.stream().map(a -> a.name() + " " + Hashing.sha256(p.path(a))).toList();
    }
}
