package dev.ntg.report.notebook;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("RankingSegments on a hand-made ranking report (headline ndcg@2)")
class RankingSegmentsTest {
    @TempDir
    Path work;

    @Test
    @DisplayName("shows user segments with their eval user counts in the title")
    void userSegments() {
        try (Artifacts art = Artifacts.open(RankingFixture.write(work))) {
            Table t = RankingSegments.users(art, "test");
            assertThat(t.name()).contains("light 1, medium 1, heavy 1");
            assertEquals(0.30 - 0.1, t.doubleColumn("light ndcg@2").get(3), 1e-12);
            assertEquals(0.3, t.doubleColumn("heavy recall@2").get(0), 1e-12);
        }
    }

    @Test
    @DisplayName("shows head and tail recall and the head's share of the top K")
    void itemSegments() {
        try (Artifacts art = Artifacts.open(RankingFixture.write(work))) {
            Table t = RankingSegments.items(art, "test");
            assertEquals(0.45, t.doubleColumn("head recall@2").get(0), 1e-12);
            assertEquals(0.5, t.doubleColumn("head share of top 2").get(0), 1e-12);
            assertThat(t.print()).contains("50.0%");
        }
    }
}
