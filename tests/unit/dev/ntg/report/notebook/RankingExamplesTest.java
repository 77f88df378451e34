package dev.ntg.report.notebook;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("RankingExamples on the hand-made rank output (TEST eval users u5, u1, u3 with 1, 3 and 4 TRAIN events)")
class RankingExamplesTest {
    @TempDir
    Path work;

    @Test
    @DisplayName("picks the middle user of equal slices of eval users ordered by TRAIN activity")
    void pick() {
        try (Artifacts art = Artifacts.open(RankingFixture.write(work))) {
            assertEquals(List.of("u5", "u1", "u3"), RankingExamples.pick(art, 3).users());
            assertEquals(List.of("u1"), RankingExamples.pick(art, 1).users());
            assertEquals(List.of("u5", "u3"), RankingExamples.pick(art, 2).users());
            assertEquals(List.of("u5", "u1", "u3"), RankingExamples.pick(art, 5).users(), "no more examples than eval users");
            assertThatThrownBy(() -> RankingExamples.pick(art, 0)).hasMessageContaining("at least one");
        }
    }

    @Test
    @DisplayName("sums each example up: TRAIN activity, new TEST items (and those absent from TRAIN), hits in NTG's top K")
    void summary() {
        try (Artifacts art = Artifacts.open(RankingFixture.write(work))) {
            Table t = RankingExamples.pick(art, 3).summary();
            assertEquals(List.of("u5", "u1", "u3"), t.stringColumn("user_id").asList());
            assertEquals(List.of(17, 50, 83), t.intColumn("TRAIN activity percentile").asList());
            assertEquals(List.of(1L, 3L, 4L), t.longColumn("TRAIN events").asList());
            assertEquals(List.of(1L, 2L, 1L), t.longColumn("TEST items new to the user").asList());
            assertEquals(List.of(0L, 1L, 0L), t.longColumn("of which absent from TRAIN").asList());
            assertEquals(List.of(0L, 1L, 1L), t.longColumn("hits in NTG top 2").asList());
        }
    }

    @Test
    @DisplayName("shows the most recent TRAIN events newest first, with titles")
    void history() {
        try (Artifacts art = Artifacts.open(RankingFixture.write(work))) {
            Table t = RankingExamples.pick(art, 3).history(1, 2);
            assertEquals(List.of("i3", "i2"), t.stringColumn("item_id").asList());
            assertEquals(List.of("Three", "Two"), t.stringColumn("title").asList());
        }
    }

    @Test
    @DisplayName("shows NTG's top K with titles and explanations, marking the items consumed in TEST (never a repeat)")
    void recommendations() {
        try (Artifacts art = Artifacts.open(RankingFixture.write(work))) {
            RankingExamples ex = RankingExamples.pick(art, 3);
            Table u1 = ex.recommendations(1);
            assertEquals(List.of("i5", "i4"), u1.stringColumn("item_id").asList());
            assertEquals(List.of(false, true), u1.booleanColumn("consumed in TEST").asList());
            assertEquals("because you watched Three", u1.stringColumn("explanation").get(1));
            assertEquals("0.8000", u1.stringColumn("score").get(1));
            Table u5 = ex.recommendations(0);
            assertEquals(List.of("i3", "i4"), u5.stringColumn("item_id").asList(), "only the top K = 2 of the 3 listed");
            assertEquals(0, u5.booleanColumn("consumed in TEST").countTrue());
            assertThatThrownBy(() -> ex.recommendations(3)).hasMessageContaining("example 3 does not exist: there are 3");
        }
    }
}
