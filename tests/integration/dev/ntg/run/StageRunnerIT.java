package dev.ntg.run;

import dev.ntg.config.NtgConfig;
import dev.ntg.data.BuildDatasetStage;
import dev.ntg.io.Artifact;
import dev.ntg.io.Hashing;
import dev.ntg.io.PathCatalog;
import dev.ntg.testing.TestPipeline;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("StageRunner")
class StageRunnerIT {
    @TempDir
    Path work;

    private TestPipeline pipeline(String... more) {
        String[] base = {"dataset.source=csv", "dataset.path=" + TestPipeline.fixture("events/clean.csv"), "dataset.columns.user=user",
                "dataset.columns.item=item", "dataset.columns.timestamp=when", "dataset.columns.value=stars"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return TestPipeline.create(work, all);
    }

    @Test
    @DisplayName("writes a manifest with config slice, hashes of inputs and outputs, and row counts")
    void manifest() {
        StageRunner.Result r = pipeline().run(new BuildDatasetStage());
        StageManifest m = StageRunner.readManifest(work.resolve("data/processed/_manifest.json"));
        assertEquals("build-dataset", m.stage());
        assertTrue(m.config().has("dataset") && m.config().has("split") && !m.config().has("project"));
        assertEquals(Hashing.sha256(TestPipeline.fixture("events/clean.csv")), m.inputs().get(0).sha256());
        StageManifest.FileEntry events = m.outputs().stream().filter(f -> f.name().equals("events")).findFirst().orElseThrow();
        assertEquals(10L, events.rows());
        assertEquals(Hashing.sha256(work.resolve(events.path())), events.sha256());
        assertEquals(r.manifest().configHash(), m.configHash());
    }

    @Test
    @DisplayName("skips an up-to-date stage, and reruns it when config, input or an output changed")
    void upToDate() throws Exception {
        assertFalse(pipeline().runIfStale(new BuildDatasetStage()).skipped());
        assertTrue(pipeline().runIfStale(new BuildDatasetStage()).skipped());
        assertFalse(pipeline("split.val_fraction=0.2").runIfStale(new BuildDatasetStage()).skipped(), "config changed");
        assertTrue(pipeline("split.val_fraction=0.2").runIfStale(new BuildDatasetStage()).skipped());
        Files.writeString(work.resolve("data/processed/splits/val.parquet"), "tampered");
        assertFalse(pipeline("split.val_fraction=0.2").runIfStale(new BuildDatasetStage()).skipped(), "output changed");
        assertTrue(pipeline("split.test_fraction=0.1", "split.val_fraction=0.2", "project.threads=1")
                .runIfStale(new BuildDatasetStage()).skipped(), "project.* is not read by build-dataset");
    }

    @Test
    @DisplayName("a failing stage leaves neither outputs nor staging files behind")
    void failureLeavesNothing() {
        Stage failing = new Stage() {
            public String name() { return "failing"; }
            public String description() { return "writes one file then fails"; }
            public String manifestDir() { return "outputs/failing"; }
            public List<Artifact> inputs(NtgConfig c) { return List.of(); }
            public List<Artifact> outputs(NtgConfig c) { return List.of(new Artifact("x", "outputs/failing/x.json", "failing")); }
            public List<String> configSections() { return List.of(); }
            public void run(StageContext ctx) throws Exception {
                Files.writeString(ctx.output(outputs(null).get(0)), "{}");
                throw new IllegalStateException("boom");
            }
        };
        assertThrows(IllegalStateException.class, () -> pipeline().run(failing));
        assertFalse(Files.exists(work.resolve("outputs/failing")));
        assertTrue(!Files.exists(new PathCatalog(work).stagingRoot()) || new PathCatalog(work).stagingRoot().toFile().list().length == 0);
    }
}
