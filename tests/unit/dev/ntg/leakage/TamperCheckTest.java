package dev.ntg.leakage;

import dev.ntg.config.ConfigLoader;
import dev.ntg.config.NtgConfig;
import dev.ntg.io.Artifact;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Json;
import dev.ntg.io.PathCatalog;
import dev.ntg.run.Stage;
import dev.ntg.run.StageContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("the tamper check's scratch runs")
class TamperCheckTest {
    @TempDir
    Path work;

    @Test
    @DisplayName("see the split, the declared inputs and the stage manifests under data/, not the raw log or the canonical events")
    void copiesOnlyWhatIsRead() throws IOException {
        writeRun(work);
        DataLister lister = new DataLister();
        LeakageCheckReport report = new TamperCheck(ConfigLoader.fromBase().set("project.duckdb_memory_limit=1GB").load(), List.of(lister),
                new LeakageRoles(Map.of(DataLister.OUTPUT, LeakageRole.FITTED))).run(work);

        Set<String> expected = Set.of("data/processed/_manifest.json", "data/processed/items.parquet", "data/processed/splits/split_manifest.json",
                "data/processed/splits/train.parquet", "data/processed/splits/val.parquet", "data/processed/splits/test.parquet");
        assertEquals(4, lister.seen.size(), "the untouched run and three rewrites");
        for (Set<String> seen : lister.seen) assertEquals(expected, seen);
        assertTrue(report.cases().get(0).passed(), "a listing of file names does not move when VAL is rewritten");
        assertFalse(Files.exists(work.resolve(TamperCheck.SCRATCH_DIR)));
    }

    private static void writeRun(Path workDir) throws IOException {
        PathCatalog c = new PathCatalog(workDir);
        Files.createDirectories(c.resolve(PathCatalog.TRAIN).getParent());
        try (DuckSession duck = DuckSession.inMemory()) {
            String cols = " AS t(user_id, item_id, ts, value)";
            duck.copyToParquet("SELECT * FROM (VALUES ('u1', 'i1', TIMESTAMP '2023-01-01 10:00:00', 1.0), ('u2', 'i2', TIMESTAMP '2023-01-02 10:00:00', 2.0))"
                    + cols, c.resolve(PathCatalog.TRAIN));
            duck.copyToParquet("SELECT * FROM (VALUES ('u1', 'i2', TIMESTAMP '2023-01-03 10:00:00', 3.0), ('u3', 'i1', TIMESTAMP '2023-01-03 11:00:00', 4.0))"
                    + cols, c.resolve(PathCatalog.VAL));
            duck.copyToParquet("SELECT * FROM (VALUES ('u2', 'i1', TIMESTAMP '2023-01-04 10:00:00', 5.0), ('u4', 'i2', TIMESTAMP '2023-01-04 11:00:00', 1.0))"
                    + cols, c.resolve(PathCatalog.TEST));
            duck.copyToParquet("SELECT 'all events' AS note", c.resolve(PathCatalog.EVENTS));
            duck.copyToParquet("SELECT 'i1' AS item_id", c.resolve(PathCatalog.ITEMS));
            Files.createDirectories(c.resolve(PathCatalog.SYNTHETIC_EVENTS).getParent());
            duck.copyToParquet("SELECT 'raw log' AS note", c.resolve(PathCatalog.SYNTHETIC_EVENTS));
        }
        Json.write(c.resolve(PathCatalog.SPLIT_MANIFEST), Map.of("fixture", true));
        Json.write(c.manifestOf("data/processed"), Map.of("stage", "build-dataset"));
    }

    /** Reads TRAIN and the item table; records which files under data/ each run could see. */
    private static final class DataLister implements Stage {
        static final Artifact OUTPUT = new Artifact("data_listing", "outputs/lister/listing.json", "lister");
        final List<Set<String>> seen = new ArrayList<>();

        @Override public String name() { return "lister"; }
        @Override public String description() { return "lists the files under data/"; }
        @Override public String manifestDir() { return "outputs/lister"; }
        @Override public List<Artifact> inputs(NtgConfig config) { return List.of(PathCatalog.TRAIN, PathCatalog.ITEMS); }
        @Override public List<Artifact> outputs(NtgConfig config) { return List.of(OUTPUT); }
        @Override public List<String> configSections() { return List.of("project"); }

        @Override
        public void run(StageContext ctx) {
            Path data = ctx.workDir().resolve("data");
            Set<String> files = new TreeSet<>();
            try (Stream<Path> s = Files.walk(data)) {
                s.filter(Files::isRegularFile).forEach(p -> files.add(ctx.workDir().relativize(p).toString().replace('\\', '/')));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            seen.add(files);
            Json.write(ctx.output(OUTPUT), Map.of("files", files));
        }
    }
}
