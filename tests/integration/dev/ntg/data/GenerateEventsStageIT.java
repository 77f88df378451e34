package dev.ntg.data;

import dev.ntg.config.ConfigLoader;
import dev.ntg.config.LoadedConfig;
import dev.ntg.io.Hashing;
import dev.ntg.io.PathCatalog;
import dev.ntg.run.StageManifest;
import dev.ntg.run.StageRunner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("generate-events as a pipeline stage")
class GenerateEventsStageIT {
    @TempDir
    Path work;

    private static LoadedConfig config() {
        return ConfigLoader.fromBase().set("dataset.synthetic.events=40000").set("dataset.synthetic.days=120").load();
    }

    @Test
    @DisplayName("writes all six artifacts with a manifest, and is skipped when rerun unchanged")
    void runsAndSkips() {
        PathCatalog catalog = new PathCatalog(work);
        GenerateEventsStage stage = new GenerateEventsStage();
        StageRunner.Result first = new StageRunner(catalog, config()).run(stage, true);
        assertFalse(first.skipped());
        for (var a : stage.outputs(config().config())) assertTrue(Files.isRegularFile(catalog.resolve(a)), a.relativePath());
        StageManifest m = first.manifest();
        long rows = m.outputs().stream().filter(f -> f.name().equals("synthetic_events")).findFirst().orElseThrow().rows();
        assertEquals(((Number) m.metrics().get("events")).longValue(), rows);
        assertTrue(Math.abs(rows - 40_000) < 4_000, "rows " + rows);
        assertTrue(Files.isRegularFile(work.resolve("data/raw/synthetic/_manifest.json")));

        String hash = Hashing.sha256(catalog.resolve(PathCatalog.SYNTHETIC_EVENTS));
        assertTrue(new StageRunner(catalog, config()).run(stage, true).skipped());
        StageRunner.Result again = new StageRunner(catalog, config()).run(stage, false);
        assertFalse(again.skipped());
        assertEquals(hash, Hashing.sha256(catalog.resolve(PathCatalog.SYNTHETIC_EVENTS)), "rerun changed the events");
    }
}
