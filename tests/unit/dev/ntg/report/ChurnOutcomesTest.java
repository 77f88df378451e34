package dev.ntg.report;

import dev.ntg.io.DuckSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@DisplayName("ChurnOutcomes")
class ChurnOutcomesTest {
    @TempDir
    Path work;

    @Test
    @DisplayName("reads one split's labelled users in user-id order, leaving out censored users and the other split")
    void read() {
        Path scores = work.resolve("scores.parquet");
        try (DuckSession duck = DuckSession.inMemory()) {
            duck.copyToParquet("SELECT * FROM (VALUES ('test', 'b', 0.2::DOUBLE, false), ('test', 'a', 0.9::DOUBLE, true), "
                    + "('test', 'c', 0.5::DOUBLE, NULL), ('val', 'a', 0.1::DOUBLE, true)) t(split, user_id, p_calibrated, churned)", scores);
            ChurnOutcomes test = ChurnOutcomes.read(duck, scores, "test");
            assertEquals(2, test.size());
            assertArrayEquals(new double[]{0.9, 0.2}, test.p(), 0.0);
            assertArrayEquals(new boolean[]{true, false}, test.churned());
            assertEquals(1, ChurnOutcomes.read(duck, scores, "val").size());
            assertEquals(0, ChurnOutcomes.read(duck, scores, "o'brien").size(), "the split name reaches SQL as a literal");
        }
    }

    @Test
    @DisplayName("refuses probabilities and outcomes of different lengths")
    void aligned() {
        assertThrows(IllegalArgumentException.class, () -> new ChurnOutcomes(new double[2], new boolean[1]));
    }
}
