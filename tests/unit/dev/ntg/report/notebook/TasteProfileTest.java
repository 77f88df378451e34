package dev.ntg.report.notebook;

import dev.ntg.NtgException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("TasteProfile: one user's taste")
class TasteProfileTest {
    @TempDir
    Path work;

    @Test
    @DisplayName("the example user is the median diversity among users with more items than the smoothing, ties by id")
    void exampleUser() {
        try (Artifacts art = Artifacts.open(GraphTasteFixture.write(work))) {
            // users 1-4 have > 1 item; by diversity then id: 2 (0.722), 3 (0.881), 4 (0.881), 1 (0.971); (4 + 1) // 2 = 2nd
            assertEquals("3", TasteProfile.exampleUser(art));
        }
    }

    @Test
    @DisplayName("the summary says how much of the profile is the prior: 1 pseudo-item against 2 items is 33%")
    void summary() {
        try (Artifacts art = Artifacts.open(GraphTasteFixture.write(work))) {
            assertThat(TasteProfile.summary(art, "3")).startsWith("User 3: 2 TRAIN items (2 events). Dominant axis 1 (action), diversity 0.881.")
                    .contains("/ (2 + 1)").contains("prior makes up 33%");
        }
    }

    @Test
    @DisplayName("scores against the mean over the six users")
    void scores() {
        try (Artifacts art = Artifacts.open(GraphTasteFixture.write(work))) {
            Table t = TasteProfile.scores(art, "3");
            assertEquals(List.of("action", "drama"), t.stringColumn("name").asList());
            assertEquals(List.of(0.7, 0.3), t.doubleColumn("this user").asList());
            assertEquals(3.4 / 6, t.doubleColumn("mean over users").get(0), 1e-12);
            assertEquals(0.7 / (3.4 / 6), t.doubleColumn("× mean").get(0), 1e-12);
        }
    }

    @Test
    @DisplayName("items: most events first, then latest, with the item's axis and its loading on the user's dominant axis")
    void items() {
        try (Artifacts art = Artifacts.open(GraphTasteFixture.write(work))) {
            Table t = TasteProfile.items(art, "1", 10);
            assertEquals(List.of("Alpha", "Charlie", "Bravo"), t.stringColumn("title").asList());
            assertEquals(List.of(2L, 1L, 1L), t.longColumn("events").asList());
            assertEquals(List.of(1, 2, 1), t.intColumn("item's axis").asList());
            assertEquals(List.of(0.8, 0.1, 0.9), t.doubleColumn("loading on axis 1").asList());
            assertEquals(1, TasteProfile.items(art, "1", 1).rowCount());
        }
    }

    @Test
    @DisplayName("planted taste, strongest genre first, next to the user's score on the genre's matched axis")
    void planted() {
        try (Artifacts art = Artifacts.open(GraphTasteFixture.write(work))) {
            Table t = TasteProfile.plantedTaste(art, "3");
            assertEquals(List.of("action", "drama"), t.stringColumn("planted genre").asList());
            assertEquals(List.of(0.8, 0.2), t.doubleColumn("planted taste").asList());
            assertEquals(List.of(1, 2), t.intColumn("matched axis").asList());
            assertEquals(List.of(0.7, 0.3), t.doubleColumn("user's score on it").asList());
        }
        try (Artifacts art = Artifacts.open(GraphTasteFixture.write(work.resolve("real"), false))) {
            assertEquals(0, TasteProfile.plantedTaste(art, "3").rowCount());
        }
    }

    @Test
    @DisplayName("an unknown user is an error that says where profiles come from, and the id reaches SQL quoted")
    void unknown() {
        try (Artifacts art = Artifacts.open(GraphTasteFixture.write(work))) {
            assertThatThrownBy(() -> TasteProfile.summary(art, "9' OR '1'='1")).isInstanceOf(NtgException.class)
                    .hasMessageContaining("has no taste profile in outputs/taste/user_taste.parquet");
        }
    }
}
