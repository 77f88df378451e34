package dev.ntg.data.synthetic;

import dev.ntg.config.SyntheticConfig;
import dev.ntg.io.DuckSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@DisplayName("The synthetic generator is deterministic")
class SyntheticDeterminismTest {
    static final SyntheticConfig SMALL = new SyntheticConfig(30_000, 300, 400, List.of("action", "comedy", "drama", "horror"),
            "2024-03-01", 120, 1.0, 1.2, 0.1, 14, List.of(0.5, 0.8));

    @TempDir
    Path dir;

    private SyntheticOutputs run(String name, long seed, int threads, long partRows) throws Exception {
        SyntheticOutputs out = SyntheticOutputs.under(dir.resolve(name).resolve("raw"), dir.resolve(name).resolve("truth"));
        try (DuckSession duck = DuckSession.inMemory()) {
            SyntheticService.of(SMALL, seed, threads).partRows(partRows).showProgress(false).generate(duck, out);
        }
        return out;
    }

    private static List<Path> files(SyntheticOutputs o) {
        return List.of(o.events(), o.items(), o.truthUsers(), o.truthItems(), o.truthChurn(), o.truthManifest());
    }

    private static void assertSameBytes(SyntheticOutputs a, SyntheticOutputs b) throws Exception {
        for (int i = 0; i < 6; i++) {
            assertArrayEquals(Files.readAllBytes(files(a).get(i)), Files.readAllBytes(files(b).get(i)),
                    files(a).get(i).getFileName() + " differs");
        }
    }

    @Test
    @DisplayName("two runs with the same seed write the same bytes, with one thread or two, in one part or many")
    void sameBytes() throws Exception {
        SyntheticOutputs first = run("a", 11, 2, SyntheticService.DEFAULT_PART_ROWS);
        assertSameBytes(first, run("b", 11, 2, SyntheticService.DEFAULT_PART_ROWS));
        assertSameBytes(first, run("c", 11, 1, SyntheticService.DEFAULT_PART_ROWS));
        assertSameBytes(first, run("d", 11, 2, 4_000)); // spills several Parquet parts before the final file
        assertFalse(Files.exists(first.events().getParent().resolve(".events-parts")), "parts folder left behind");
    }

    @Test
    @DisplayName("another seed gives other events")
    void otherSeed() throws Exception {
        SyntheticOutputs a = run("a", 11, 2, SyntheticService.DEFAULT_PART_ROWS);
        SyntheticOutputs b = run("b", 12, 2, SyntheticService.DEFAULT_PART_ROWS);
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.events()), Files.readAllBytes(b.events())));
    }
}
