package dev.ntg.report.notebook;

import dev.ntg.data.SplitManifest;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Json;
import dev.ntg.io.PathCatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A hand-made split in a work dir: seven events, cutoffs at 2023-01-03 and 2023-01-04 (UTC), one VAL and one TEST
 * event exactly at their cutoff (the tie rule puts them in the later part), one new user and item in VAL, one new
 * user in TEST. The manifest holds the hand-computed truth.
 */
final class SplitFixture {
    static final String VAL_START = "2023-01-03T00:00:00Z";
    static final String TEST_START = "2023-01-04T00:00:00Z";

    static final String TRAIN_ROWS = "(1, 1, TIMESTAMP '2023-01-01 10:00:00', 1.0), (1, 2, TIMESTAMP '2023-01-02 10:00:00', 1.0), "
            + "(2, 1, TIMESTAMP '2023-01-02 12:00:00', 1.0)";
    static final String VAL_ROWS = "(1, 1, TIMESTAMP '2023-01-03 00:00:00', 1.0), (3, 3, TIMESTAMP '2023-01-03 05:00:00', 1.0)";
    static final String TEST_ROWS = "(2, 2, TIMESTAMP '2023-01-04 00:00:00', 1.0), (4, 1, TIMESTAMP '2023-01-04 01:00:00', 1.0)";

    private SplitFixture() {
    }

    /** The clean split. */
    static Path write(Path workDir) {
        return write(workDir, TRAIN_ROWS);
    }

    /** The split with other TRAIN rows (to plant a leak); the manifest keeps the clean truth. */
    static Path write(Path workDir, String trainRows) {
        PathCatalog c = new PathCatalog(workDir);
        try (DuckSession duck = DuckSession.inMemory()) {
            Files.createDirectories(c.resolve(PathCatalog.TRAIN).getParent());
            String cols = " AS t(user_id, item_id, ts, value)";
            String train = "SELECT * FROM (VALUES " + trainRows + ")" + cols;
            String val = "SELECT * FROM (VALUES " + VAL_ROWS + ")" + cols;
            String test = "SELECT * FROM (VALUES " + TEST_ROWS + ")" + cols;
            duck.copyToParquet(train, c.resolve(PathCatalog.TRAIN));
            duck.copyToParquet(val, c.resolve(PathCatalog.VAL));
            duck.copyToParquet(test, c.resolve(PathCatalog.TEST));
            duck.copyToParquet(train + " UNION ALL " + val + " UNION ALL " + test + " ORDER BY ts", c.resolve(PathCatalog.EVENTS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, SplitManifest.PartStats> parts = new LinkedHashMap<>();
        parts.put("train", new SplitManifest.PartStats(3, 2, 2, "2023-01-01T10:00:00.000000Z", "2023-01-02T12:00:00.000000Z", "x"));
        parts.put("val", new SplitManifest.PartStats(2, 2, 2, "2023-01-03T00:00:00.000000Z", "2023-01-03T05:00:00.000000Z", "x"));
        parts.put("test", new SplitManifest.PartStats(2, 2, 2, "2023-01-04T00:00:00.000000Z", "2023-01-04T01:00:00.000000Z", "x"));
        Map<String, SplitManifest.ColdStart> cold = new LinkedHashMap<>();
        cold.put("val", new SplitManifest.ColdStart(1, 1, 1, 1));
        cold.put("test", new SplitManifest.ColdStart(1, 0, 1, 0));
        SplitManifest m = new SplitManifest(SplitManifest.VERSION, VAL_START, TEST_START, "fixture rule; events at a cutoff go to the later part",
                new SplitManifest.Source("fixture", java.util.List.of()), new SplitManifest.Ingestion(7, 7, 0, Map.of()), parts, cold);
        Json.write(c.resolve(PathCatalog.SPLIT_MANIFEST), m);
        return workDir;
    }
}
