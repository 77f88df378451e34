package dev.ntg.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ntg.graph.CooccurrenceCounter;
import dev.ntg.graph.CsrExport;
import dev.ntg.graph.Interactions;
import dev.ntg.graph.ItemGraph;
import dev.ntg.graph.Similarity;
import dev.ntg.io.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Four users over five items: u0 {0, 1, 2}, u1 {1, 2}, u2 {}, u3 {0, 3}; item 4 has nobody. By hand: pairs
 * Σ n(n-1) = 6 + 2 + 0 + 2 = 10; distinct ordered pairs (0,1) (0,2) (1,2) (0,3) both ways = 8; X^T X has those 8
 * off-diagonal nonzeros plus 4 diagonal ones (items 0..3).
 */
@DisplayName("the scipy reference and the kernel count the same pairs on a tiny matrix")
class ScipyReferenceTest {
    static final int[] USER_PTR = {0, 3, 5, 5, 7};
    static final int[] ITEMS = {0, 1, 2, 1, 2, 0, 3};

    static Interactions tiny() {
        return Interactions.of(4, 5, USER_PTR, ITEMS, null, null);
    }

    @Test
    @DisplayName("the export is raw little-endian int32: row pointers, then item indices")
    void export(@TempDir Path dir) throws Exception {
        CsrExport.write(tiny(), dir.resolve("p"), dir.resolve("i"));
        assertArrayEquals(USER_PTR, ints(Files.readAllBytes(dir.resolve("p"))));
        assertArrayEquals(ITEMS, ints(Files.readAllBytes(dir.resolve("i"))));
    }

    @Test
    @DisplayName("the kernel visits 10 pairs, 8 of them distinct")
    void kernel() {
        ItemGraph.Stats s = CooccurrenceCounter.build(tiny(), new CooccurrenceCounter.Options(Similarity.of("count", 0), 1, 10, 0, 1)).stats();
        assertEquals(10, s.pairsCounted());
        assertEquals(8, s.distinctPairs());
    }

    @Test
    @DisplayName("scipy's X^T X on the exported arrays: 10 pairs (= the off-diagonal sum), 12 nonzeros, 8 distinct pairs")
    void scipy(@TempDir Path dir) throws Exception {
        ScipyRunner runner;
        try {
            runner = ScipyRunner.find(Path.of("").toAbsolutePath());
        } catch (ScipyRunner.Unavailable e) {
            // .ci/run installs it (tools/setup-bench.sh), so in CI a missing scipy is a broken setup, not a skip
            if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new AssertionError("no Python with scipy in CI: " + e.getMessage(), e);
            assumeTrue(false, "skipped: no Python with scipy here (" + e.getMessage() + "); tools/setup-bench.sh installs it");
            return;
        }
        CsrExport.write(tiny(), dir.resolve("indptr.i32"), dir.resolve("indices.i32"));
        Json.write(dir.resolve("h.json"), Map.of("users", 4, "items", 5, "interactions", 7, "indptr", "indptr.i32", "indices", "indices.i32"));
        JsonNode r = runner.timeXtX(dir.resolve("h.json"), 2);
        assertEquals(10, r.path("pairs").asLong());
        assertEquals(10, r.path("offdiagonal_sum").asLong());
        assertEquals(12, r.path("nnz").asLong());
        assertEquals(8, r.path("distinct_pairs").asLong());
        assertEquals(2, r.path("runs").size());
    }

    private static int[] ints(byte[] bytes) {
        int[] out = new int[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out);
        return out;
    }
}
