package dev.ntg.report.notebook;

import dev.ntg.NtgException;
import dev.ntg.io.PathCatalog;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("BlendReport on a hand-made search (see RankingFixture.BLEND)")
class BlendReportTest {
    @TempDir
    Path work;

    @Test
    @DisplayName("lists each weight, its share of the total and what the component scores alone on VAL")
    void weights() {
        try (Artifacts art = Artifacts.open(RankingFixture.write(work))) {
            Table t = BlendReport.weights(art);
            assertEquals(List.of("item_knn", "popularity"), t.stringColumn("component").asList());
            assertEquals(List.of(0.5, 1.0), t.doubleColumn("weight").asList());
            assertEquals(1.0 / 3, t.doubleColumn("share of weight").get(0), 1e-12);
            assertEquals(0.10, t.doubleColumn("VAL ndcg@2 alone").get(0), 1e-12);
            assertEquals(0.18, t.doubleColumn("VAL ndcg@2 alone").get(1), 1e-12);
        }
    }

    @Test
    @DisplayName("sums the search up: users, grid, evaluations, rounds, start and end, and the best single component")
    void summary() {
        try (Artifacts art = Artifacts.open(RankingFixture.write(work))) {
            assertEquals("Tuned on VAL only (searched on all 2 VAL eval users): coordinate ascent over the grid [0.0,0.5,1.0] maximizing ndcg@2,"
                    + " 6 weight vectors evaluated in 2 rounds, from 0.100 (item_knn alone) to 0.260. The best single component on VAL is"
                    + " popularity at 0.180. TEST played no part in the choice.", BlendReport.summary(art));
        }
    }

    @Test
    @DisplayName("keeps only the evaluations that beat the best so far (a tie is not a move), with their gains")
    void path() {
        try (Artifacts art = Artifacts.open(RankingFixture.write(work))) {
            Table t = BlendReport.path(art);
            assertEquals(List.of(1, 3, 4, 5), t.intColumn("evaluation").asList());
            assertEquals(List.of("start: item_knn = 1", "popularity = 0.5", "popularity = 1.0", "item_knn = 0.5"), t.stringColumn("change").asList());
            assertTrue(t.doubleColumn("gain").isMissing(0));
            assertEquals(0.10, t.doubleColumn("gain").get(1), 1e-12);
            assertEquals(0.01, t.doubleColumn("gain").get(3), 1e-12);
        }
    }

    @Test
    @DisplayName("a blend.json that breaks the schema fails, naming the file")
    void invalid() throws Exception {
        Path w = RankingFixture.write(work);
        Files.writeString(new PathCatalog(w).resolve(PathCatalog.RANKING_BLEND), RankingFixture.BLEND.replace("\"tuned_on\": \"val\"", "\"tuned_on\": \"test\""));
        try (Artifacts art = Artifacts.open(w)) {
            assertThatThrownBy(() -> BlendReport.weights(art)).isInstanceOf(NtgException.class).hasMessageContaining("outputs/ranking/blend.json");
        }
    }
}
