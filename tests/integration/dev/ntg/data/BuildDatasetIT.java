package dev.ntg.data;

import dev.ntg.NtgException;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Hashing;
import dev.ntg.io.Json;
import dev.ntg.io.PathCatalog;
import dev.ntg.testing.TestPipeline;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("build-dataset")
class BuildDatasetIT {

    static TestPipeline csv(Path work, Path file, String... more) {
        String[] base = {"dataset.source=csv", "dataset.path=" + file, "dataset.columns.value=rating"};
        return TestPipeline.create(work, Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new));
    }

    @Nested
    @DisplayName("given a CSV with one bad record of each kind")
    class BadRows {
        @TempDir
        Path work;

        @Test
        @DisplayName("loads the good rows and quarantines every bad one with its line and reason")
        void quarantines() {
            csv(work, TestPipeline.fixture("events/bad_rows.csv"), "dataset.max_reject_fraction=1.0",
                    "split.val_fraction=0.2", "split.test_fraction=0.2").run(new BuildDatasetStage());
            Path processed = work.resolve("data/processed");
            try (DuckSession duck = DuckSession.inMemory()) {
                // Expected by reading the fixture: lines 2, 3, 4, 14 and 16 are good (16 has an empty value).
                List<String> events = duck.query("SELECT user_id || ' ' || item_id || ' ' || coalesce(CAST(value AS VARCHAR), 'null') FROM "
                        + DuckSession.parquet(processed.resolve("events.parquet")) + " ORDER BY ts", rs -> rs.getString(1));
                assertEquals(List.of("u1 i1 4.0", "u1 i2 5.0", "u2 i1 3.0", "u4 i,5 2.0", "u5 i2 null"), events);

                Map<Long, String> rejects = new LinkedHashMap<>();
                duck.forEach("SELECT line, reason FROM " + DuckSession.parquet(processed.resolve("rejects.parquet")) + " ORDER BY line",
                        rs -> rejects.put(rs.getLong(1), rs.getString(2)));
                Map<Long, String> expected = new LinkedHashMap<>();
                expected.put(5L, "unparsable value");
                expected.put(6L, "unparsable timestamp");
                expected.put(7L, "missing user id");
                expected.put(8L, "missing item id");
                expected.put(10L, "wrong number of fields: expected 4, got 3");
                expected.put(11L, "wrong number of fields: expected 4, got 5");
                expected.put(12L, "duplicate event: same user, item and timestamp as line 2");
                expected.put(13L, "timestamp out of range (dataset.valid_from/valid_until)");
                expected.put(15L, "missing timestamp");
                expected.put(17L, "unterminated quoted field");
                assertEquals(expected, rejects);

                String raw = duck.queryString("SELECT raw FROM " + DuckSession.parquet(processed.resolve("rejects.parquet")) + " WHERE line = 11");
                assertEquals("u3,i2,1700000500,4,extra", raw);
            }
            var ingestion = Json.read(work.resolve("data/processed/splits/split_manifest.json")).get("ingestion");
            assertEquals(15, ingestion.get("records_read").asLong());
            assertEquals(5, ingestion.get("events_loaded").asLong());
            assertEquals(10, ingestion.get("rejected").asLong());
        }

        @Test
        @DisplayName("fails with the counts and first rejects when rejects exceed the ceiling, writing nothing")
        void ceiling() {
            var p = csv(work, TestPipeline.fixture("events/bad_rows.csv"), "dataset.max_reject_fraction=0.5");
            NtgException e = assertThrows(NtgException.class, () -> p.run(new BuildDatasetStage()));
            assertThat(e.getMessage()).contains("10 of 15 records", "dataset.max_reject_fraction = 0.5", "line 5: unparsable value");
            assertFalse(Files.exists(work.resolve("data/processed")), "no partial outputs");
        }
    }

    @Nested
    @DisplayName("given a clean CSV with ISO timestamps and its own column names")
    class Clean {
        @TempDir
        Path work;

        @Test
        @DisplayName("splits by event-count quantiles with every event in exactly one part, in time order")
        void split() {
            // 10 events on 10 distinct days; val 0.2, test 0.2 → val_start = ts of event #floor(10*0.6) = #6 (0-based) = Jan 7,
            // test_start = ts of event #floor(10*0.8) = #8 = Jan 9.
            csv(work, TestPipeline.fixture("events/clean.csv"), "dataset.columns.user=user", "dataset.columns.item=item",
                    "dataset.columns.timestamp=when", "dataset.columns.value=stars", "split.val_fraction=0.2", "split.test_fraction=0.2")
                    .run(new BuildDatasetStage());
            var m = Json.read(work.resolve("data/processed/splits/split_manifest.json"));
            assertEquals("2024-01-07T10:00:00Z", m.get("val_start").asText());
            assertEquals("2024-01-09T10:00:00Z", m.get("test_start").asText());
            assertEquals(6, m.at("/parts/train/rows").asLong());
            assertEquals(2, m.at("/parts/val/rows").asLong());
            assertEquals(2, m.at("/parts/test/rows").asLong());
            // user d appears only in TEST
            assertEquals(1, m.at("/cold_start/test/new_users").asLong());
            assertEquals(0, m.at("/cold_start/val/new_users").asLong());
            SplitInvariants.check(work);
        }

        @Test
        @DisplayName("explicit cutoffs put events at the cutoff instant in the later part")
        void explicitCutoffs() {
            csv(work, TestPipeline.fixture("events/clean.csv"), "dataset.columns.user=user", "dataset.columns.item=item",
                    "dataset.columns.timestamp=when", "dataset.columns.value=stars",
                    "split.val_start=2024-01-05T10:00:00Z", "split.test_start=2024-01-08T00:00:00Z").run(new BuildDatasetStage());
            var m = Json.read(work.resolve("data/processed/splits/split_manifest.json"));
            assertEquals(4, m.at("/parts/train/rows").asLong());
            assertEquals(3, m.at("/parts/val/rows").asLong());
            assertEquals(3, m.at("/parts/test/rows").asLong());
            SplitInvariants.check(work);
        }

        @Test
        @DisplayName("a cutoff outside the data gives an empty part and a clear error")
        void emptyPart() {
            var p = csv(work, TestPipeline.fixture("events/clean.csv"), "dataset.columns.user=user", "dataset.columns.item=item",
                    "dataset.columns.timestamp=when", "dataset.columns.value=stars", "split.val_start=2025-01-01",
                    "split.test_start=2025-02-01");
            NtgException e = assertThrows(NtgException.class, () -> p.run(new BuildDatasetStage()));
            assertThat(e.getMessage()).contains("val part would be empty", "split.val_start");
        }

        @Test
        @DisplayName("reads a file whose path contains a quote")
        void quoteInPath() throws Exception {
            Path dir = Files.createDirectories(work.resolve("it's here"));
            Path file = Files.copy(TestPipeline.fixture("events/clean.csv"), dir.resolve("o'brien.csv"));
            csv(work, file, "dataset.columns.user=user", "dataset.columns.item=item", "dataset.columns.timestamp=when",
                    "dataset.columns.value=stars").run(new BuildDatasetStage());
            assertTrue(Files.exists(work.resolve("data/processed/splits/train.parquet")));
        }

        @Test
        @DisplayName("reads the same events from Parquet as from CSV")
        void parquetSource() throws Exception {
            Path pq = work.resolve("events.parquet");
            try (DuckSession duck = DuckSession.inMemory()) {
                duck.execute("COPY (SELECT \"user\" AS u, item AS i, CAST(\"when\" AS TIMESTAMP) AS t, stars AS s FROM read_csv("
                        + dev.ntg.io.Sql.literal(TestPipeline.fixture("events/clean.csv")) + ")) TO " + dev.ntg.io.Sql.literal(pq) + " (FORMAT parquet)");
            }
            TestPipeline.create(work.resolve("a"), "dataset.source=parquet", "dataset.path=" + pq, "dataset.columns.user=u",
                    "dataset.columns.item=i", "dataset.columns.timestamp=t", "dataset.columns.value=s").run(new BuildDatasetStage());
            csv(work.resolve("b"), TestPipeline.fixture("events/clean.csv"), "dataset.columns.user=user", "dataset.columns.item=item",
                    "dataset.columns.timestamp=when", "dataset.columns.value=stars").run(new BuildDatasetStage());
            assertEquals(Hashing.sha256(work.resolve("b/data/processed/events.parquet")),
                    Hashing.sha256(work.resolve("a/data/processed/events.parquet")));
        }

        @Test
        @DisplayName("Parquet: a NULL typed field or a blank text field is missing; a typed timestamp or value is never blank")
        void parquetMissingFields() throws Exception {
            // typed columns (TIMESTAMP, DOUBLE) are checked on the value, text columns on their trimmed text
            // after the rows under test, valid events on ten more days, so that the split has something to cut
            String more = " UNION ALL SELECT 10 + r, 3, 3, TIMESTAMP '2021-02-01 10:00:00' + to_days(CAST(r AS INTEGER)), 5.0 FROM range(10) t(r)";
            Map<String, String> files = Map.of("typed", "SELECT u, i, t, s FROM (SELECT * FROM (VALUES (1, 1, 10, TIMESTAMP '2021-01-01 10:00:00', 4.0),"
                            + " (2, 1, 11, NULL, 3.0), (3, 2, 10, TIMESTAMP '2021-01-02 10:00:00', NULL)) v(k, u, i, t, s)" + more + ") ORDER BY k",
                    "text", "SELECT u, i, CAST(t AS VARCHAR) AS t, CAST(s AS VARCHAR) AS s FROM (SELECT * FROM (VALUES (1, 1, 10, '2021-01-01 10:00:00', '4'),"
                            + " (2, 1, 11, '  ', '3'), (3, 2, 10, '2021-01-02 10:00:00', ' '), (4, 2, 11, '2021-01-03 10:00:00', 'four'))"
                            + " v(k, u, i, t, s)" + more + ") ORDER BY k");
            Map<String, Map<Long, String>> expected = Map.of("typed", Map.of(2L, "missing timestamp"),
                    "text", Map.of(2L, "missing timestamp", 4L, "unparsable value"));
            for (String kind : files.keySet()) {
                Path pq = work.resolve(kind + ".parquet");
                try (DuckSession duck = DuckSession.inMemory()) {
                    duck.execute("COPY (" + files.get(kind) + ") TO " + dev.ntg.io.Sql.literal(pq) + " (FORMAT parquet)");
                }
                Path out = work.resolve(kind);
                TestPipeline.create(out, "dataset.source=parquet", "dataset.path=" + pq, "dataset.columns.user=u", "dataset.columns.item=i",
                        "dataset.columns.timestamp=t", "dataset.columns.value=s", "dataset.max_reject_fraction=1.0").run(new BuildDatasetStage());
                Map<Long, String> rejects = new TreeMap<>();
                long loaded;
                try (DuckSession duck = DuckSession.inMemory()) {
                    duck.forEach("SELECT line, reason FROM " + DuckSession.parquet(out.resolve("data/processed/rejects.parquet")),
                            rs -> rejects.put(rs.getLong(1), rs.getString(2)));
                    loaded = duck.queryLong("SELECT count(*) FROM " + DuckSession.parquet(out.resolve("data/processed/events.parquet"))
                            + " WHERE value IS NULL");
                }
                assertEquals(expected.get(kind), rejects, kind);
                assertEquals(1, loaded, kind + ": the event without a value is loaded, with value NULL");
            }
        }

        @Test
        @DisplayName("reruns give byte-identical files, with 1 thread as with 2")
        void deterministic() throws Exception {
            String[] cols = {"dataset.columns.user=user", "dataset.columns.item=item", "dataset.columns.timestamp=when",
                    "dataset.columns.value=stars"};
            csv(work.resolve("a"), TestPipeline.fixture("events/clean.csv"), cols).run(new BuildDatasetStage());
            csv(work.resolve("b"), TestPipeline.fixture("events/clean.csv"),
                    Stream.concat(Stream.of(cols), Stream.of("project.threads=1")).toArray(String[]::new)).run(new BuildDatasetStage());
            assertEquals(DataFiles.hashes(work.resolve("a/data/processed")), DataFiles.hashes(work.resolve("b/data/processed")));
        }
    }

    @Nested
    @DisplayName("given input the user got wrong")
    class BadInput {
        @TempDir
        Path work;

        @Test
        @DisplayName("a missing file names the file and dataset.path")
        void missingFile() {
            var p = csv(work, work.resolve("nope.csv"));
            NtgException e = assertThrows(NtgException.class, () -> p.run(new BuildDatasetStage()));
            assertThat(e.getMessage()).contains("nope.csv", "dataset.path");
        }

        @Test
        @DisplayName("a missing column names the column, the key and the header")
        void missingColumn() {
            var p = csv(work, TestPipeline.fixture("events/clean.csv"), "dataset.columns.user=user", "dataset.columns.item=item",
                    "dataset.columns.timestamp=when");
            NtgException e = assertThrows(NtgException.class, () -> p.run(new BuildDatasetStage()));
            assertThat(e.getMessage()).contains("'rating'", "dataset.columns.value", "user, item, when, stars");
            assertFalse(Files.exists(work.resolve("data/processed")));
        }

        @Test
        @DisplayName("an empty file and a header-only file are errors, not empty datasets")
        void emptyFiles() throws Exception {
            Path empty = Files.writeString(work.resolve("empty.csv"), "");
            Path header = Files.writeString(work.resolve("header.csv"), "user_id,item_id,timestamp,rating\n");
            assertThat(assertThrows(NtgException.class, () -> csv(work, empty).run(new BuildDatasetStage())).getMessage())
                    .contains("empty.csv", "empty");
            assertThat(assertThrows(NtgException.class, () -> csv(work, header).run(new BuildDatasetStage())).getMessage())
                    .contains("header.csv", "only a header");
        }

        @Test
        @DisplayName("a file that is not Parquet is named as such")
        void notParquet() {
            var p = TestPipeline.create(work, "dataset.source=parquet", "dataset.path=" + TestPipeline.fixture("events/clean.csv"));
            assertThat(assertThrows(NtgException.class, () -> p.run(new BuildDatasetStage())).getMessage())
                    .contains("clean.csv", "not a readable Parquet file");
        }

        @Test
        @DisplayName("the synthetic source before generate-events says to run it")
        void outOfOrder() {
            var p = TestPipeline.create(work);
            assertThat(assertThrows(NtgException.class, () -> p.run(new BuildDatasetStage())).getMessage())
                    .contains("data/raw/synthetic/events.parquet", "ntg generate-events");
        }
    }

    @Nested
    @DisplayName("given the synthetic service")
    class Synthetic {
        @TempDir
        Path work;

        @Test
        @DisplayName("two runs from scratch give byte-identical raw, truth and processed files")
        void deterministic() {
            for (String run : new String[]{"a", "b"}) {
                TestPipeline p = TestPipeline.create(work.resolve(run), "dataset.synthetic.events=20000", "dataset.synthetic.users=300",
                        "dataset.synthetic.items=200", "dataset.synthetic.days=120", "project.threads=" + (run.equals("a") ? 1 : 2));
                p.run(new GenerateEventsStage());
                p.run(new BuildDatasetStage());
                SplitInvariants.check(work.resolve(run));
            }
            assertEquals(DataFiles.hashes(work.resolve("a/data")), DataFiles.hashes(work.resolve("b/data")));
        }
    }

    @Nested
    @DisplayName("given MovieLens 100K")
    class MovieLens {
        @TempDir
        Path work;

        @Test
        @DisplayName("loads all 100,000 ratings of 943 users on 1,682 items, with titles and genres, and splits them")
        void loads() {
            TestPipeline.movieLens100k(work).run(new BuildDatasetStage());
            PathCatalog c = new PathCatalog(work);
            try (DuckSession duck = DuckSession.inMemory()) {
                String events = DuckSession.parquet(c.resolve(PathCatalog.EVENTS));
                assertEquals(100_000, duck.queryLong("SELECT count(*) FROM " + events));
                assertEquals(943, duck.queryLong("SELECT count(DISTINCT user_id) FROM " + events));
                assertEquals(1682, duck.queryLong("SELECT count(DISTINCT item_id) FROM " + events));
                String items = DuckSession.parquet(c.resolve(PathCatalog.ITEMS));
                assertEquals(1682, duck.queryLong("SELECT count(*) FROM " + items));
                assertEquals("Toy Story (1995)|Animation|Children's|Comedy",
                        duck.queryString("SELECT title || '|' || genres FROM " + items + " WHERE item_id = '1'"));
                // u.data's first line: user 196 rated item 242 with 3 at epoch 881250949 = 1997-12-04 15:55:49 UTC
                assertEquals("3.0 1997-12-04 15:55:49", duck.queryString("SELECT CAST(value AS VARCHAR) || ' ' || CAST(ts AS VARCHAR) FROM "
                        + events + " WHERE user_id = '196' AND item_id = '242'"));
            }
            var m = Json.read(c.resolve(PathCatalog.SPLIT_MANIFEST));
            long total = m.at("/parts/train/rows").asLong() + m.at("/parts/val/rows").asLong() + m.at("/parts/test/rows").asLong();
            assertEquals(100_000, total);
            SplitInvariants.check(work);
        }
    }
}
