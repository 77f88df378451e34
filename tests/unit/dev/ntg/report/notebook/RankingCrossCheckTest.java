package dev.ntg.report.notebook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("RankingCrossCheck")
class RankingCrossCheckTest {
    @TempDir
    Path work;

    @Test
    @DisplayName("recomputes eval users, relevant pairs and NTG's hit rate, recall and NDCG at K from the files, and agrees with the hand-computed report")
    void agrees() {
        try (Artifacts art = Artifacts.open(RankingFixture.write(work))) {
            Table t = RankingCrossCheck.against(art, "test");
            assertEquals(List.of("eval users", "relevant pairs", "relevant pairs on items absent from TRAIN", "ntg hit_rate@2", "ntg recall@2",
                    "ntg ndcg@2"), t.stringColumn("check").asList());
            assertEquals(List.of("3", "4", "1"), t.stringColumn("recomputed (cross-check)").asList().subList(0, 3));
            assertEquals(String.format(java.util.Locale.ROOT, "%.6f", RankingFixture.NDCG), t.stringColumn("recomputed (cross-check)").get(5));
            assertEquals(6, t.booleanColumn("agrees").countTrue());
            assertThat(RankingCrossCheck.verdict(t)).startsWith("All 6 agree");
        }
    }

    @Test
    @DisplayName("a report whose NDCG is off by 0.001 disagrees on that row only, and the verdict names it")
    void disagrees() {
        ObjectNode r = RankingFixture.report();
        ((ObjectNode) r.at("/windows/test/models/ntg/metrics/ndcg@2")).put("estimate", RankingFixture.NDCG + 0.001);
        try (Artifacts art = Artifacts.open(RankingFixture.write(work, r))) {
            Table t = RankingCrossCheck.against(art, "test");
            assertEquals(List.of(true, true, true, true, true, false), t.booleanColumn("agrees").asList());
            assertThat(RankingCrossCheck.verdict(t)).startsWith("1 of 6 checks DISAGREE (ntg ndcg@2)");
        }
    }
}
