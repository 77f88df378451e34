package dev.ntg.report.notebook;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("SplitReport")
class SplitReportTest {
    @TempDir
    Path work;

    @Nested
    @DisplayName("on a clean split")
    class Clean {
        @Test
        @DisplayName("lists the two cutoffs and quotes the tie rule")
        void cutoffs() {
            try (Artifacts art = Artifacts.open(SplitFixture.write(work))) {
                Table t = SplitReport.cutoffs(art);
                assertEquals(List.of("val_start", "test_start"), t.stringColumn("boundary").asList());
                assertEquals(List.of(SplitFixture.VAL_START, SplitFixture.TEST_START), t.stringColumn("instant (UTC)").asList());
                assertThat(SplitReport.tieRule(art)).contains("later part");
            }
        }

        @Test
        @DisplayName("recomputes rows, users and items per part, in time order, and finds the manifest agrees")
        void partSizes() {
            try (Artifacts art = Artifacts.open(SplitFixture.write(work))) {
                Table t = SplitReport.partSizes(art);
                assertEquals(List.of("train", "val", "test"), t.stringColumn("part").asList());
                assertEquals(List.of(3L, 2L, 2L), t.longColumn("rows").asList());
                assertEquals(List.of(2L, 2L, 2L), t.longColumn("users").asList());
                assertEquals(3, t.booleanColumn("matches manifest").countTrue());
            }
        }

        @Test
        @DisplayName("counts events per UTC day and part")
        void perDay() {
            try (Artifacts art = Artifacts.open(SplitFixture.write(work))) {
                Table t = SplitReport.eventsPerDay(art);
                assertEquals(4, t.rowCount());
                assertEquals(LocalDate.of(2023, 1, 2), t.dateColumn("day").get(1));
                assertEquals("train", t.stringColumn("part").get(1));
                assertEquals(2L, t.longColumn("events").get(1));
                assertEquals(7L, (long) t.longColumn("events").sum());
            }
        }

        @Test
        @DisplayName("passes all six boundary checks, events exactly at a cutoff included, and says so")
        void checks() {
            try (Artifacts art = Artifacts.open(SplitFixture.write(work))) {
                Table t = SplitReport.boundaryChecks(art);
                assertEquals(6, t.rowCount());
                assertEquals(6, t.booleanColumn("holds").countTrue());
                assertThat(SplitReport.verdict(t)).startsWith("All 6 checks hold");
            }
        }

        @Test
        @DisplayName("reports cold start with its shares of the part")
        void coldStart() {
            try (Artifacts art = Artifacts.open(SplitFixture.write(work))) {
                Table t = SplitReport.coldStart(art);
                assertEquals(List.of("val", "test"), t.stringColumn("part").asList());
                assertEquals(List.of(1L, 1L), t.longColumn("new users").asList());
                assertEquals(List.of(1L, 0L), t.longColumn("new items").asList());
                assertEquals(0.5, t.doubleColumn("of part's users").get(0), 1e-12);
                assertEquals(0.0, t.doubleColumn("of part's items").get(1), 1e-12);
                assertThat(t.print()).contains("50.0%");
            }
        }
    }

    @Test
    @DisplayName("a TRAIN event at val_start (a leak) fails the first check, the manifest check and the verdict")
    void leak() {
        String leaking = SplitFixture.TRAIN_ROWS + ", (1, 3, TIMESTAMP '2023-01-03 00:00:00', 1.0)";
        try (Artifacts art = Artifacts.open(SplitFixture.write(work, leaking))) {
            Table t = SplitReport.boundaryChecks(art);
            assertFalse(t.booleanColumn("holds").get(0), "max(train.ts) < val_start");
            assertTrue(t.booleanColumn("holds").get(1));
            assertTrue(t.booleanColumn("holds").get(4), "events.parquet was written from the same parts");
            assertFalse(t.booleanColumn("holds").get(5), "train.parquet no longer matches the manifest");
            assertThat(SplitReport.verdict(t)).startsWith("2 of 6 checks FAIL").contains("max(train.ts) < val_start");
        }
    }
}
