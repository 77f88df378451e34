package dev.ntg.ranking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ntg.NtgException;
import dev.ntg.config.ConfigException;
import dev.ntg.data.BuildDatasetStage;
import dev.ntg.data.GenerateEventsStage;
import dev.ntg.graph.BuildGraphStage;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Hashing;
import dev.ntg.io.Json;
import dev.ntg.io.PathCatalog;
import dev.ntg.taste.BuildTasteStage;
import dev.ntg.report.SchemaValidator;
import dev.ntg.testing.TestPipeline;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("rank")
class RankStageIT {
    static final String[] FAST = {"ranking.bootstrap_resamples=200", "taste.bootstrap=0"};

    static TestPipeline ranked(TestPipeline p) {
        p.run(new BuildDatasetStage());
        p.run(new BuildGraphStage());
        p.run(new BuildTasteStage());
        p.run(new RankStage());
        return p;
    }

    static JsonNode report(TestPipeline p) {
        return Json.read(p.path(PathCatalog.RANKING_REPORT));
    }

    static String hashes(TestPipeline p) {
        return Hashing.sha256(p.path(PathCatalog.RANKING_CANDIDATES)) + " " + Hashing.sha256(p.path(PathCatalog.RANKING_BLEND)) + " "
                + Hashing.sha256(p.path(PathCatalog.RANKING_REPORT));
    }

    /** TEST NDCG@10 of NTG beats the baseline with a paired interval above 0. */
    static void beats(JsonNode r, String baseline) {
        JsonNode d = r.at("/windows/test/paired_vs_ntg/" + baseline + "/ndcg@10");
        assertTrue(d.get("low").asDouble() > 0, "NTG - " + baseline + " on TEST NDCG@10: " + d);
    }

    @Nested
    @DisplayName("on MovieLens 100K")
    class MovieLens {
        @TempDir
        Path dir;

        @Test
        @DisplayName("NDCG@10 and Recall@10 recomputed the slow way from candidates.parquet and the split equal the report; NTG beats popularity and EASE^R; reruns and thread counts give identical bytes")
        void recomputeAndBeat() {
            TestPipeline p = ranked(TestPipeline.movieLens100k(dir, FAST));
            JsonNode r = report(p);
            assertEquals(List.of(), SchemaValidator.of(RankStage.SCHEMA).violations(r));
            for (String m : List.of("ntg", "popularity", "recent_popularity", "item_knn", "rp3beta", "ease", "svd", "pure_svd", "taste_affinity")) {
                assertTrue(r.at("/windows/test/models/" + m + "/metrics/ndcg@10/low").isNumber(), m + " missing from the TEST window");
            }
            beats(r, "popularity");
            beats(r, "ease");

            // The slow, obvious way: plain Java maps, nothing shared with the stage's code.
            Map<String, Set<String>> train = new HashMap<>(), test = new HashMap<>();
            Map<String, List<String>> lists = new TreeMap<>();
            try (DuckSession duck = DuckSession.inMemory()) {
                duck.forEach("SELECT user_id, item_id FROM " + DuckSession.parquet(p.path(PathCatalog.TRAIN)),
                        rs -> train.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2)));
                duck.forEach("SELECT user_id, item_id FROM " + DuckSession.parquet(p.path(PathCatalog.TEST)),
                        rs -> test.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2)));
                duck.forEach("SELECT user_id, item_id FROM " + DuckSession.parquet(p.path(PathCatalog.RANKING_CANDIDATES)) + " ORDER BY user_id, rank",
                        rs -> lists.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)));
            }
            assertEquals(train.keySet(), lists.keySet(), "candidates.parquet holds every TRAIN user");
            double ndcg = 0, recall = 0;
            int users = 0;
            for (String u : new java.util.TreeSet<>(test.keySet())) {
                if (!train.containsKey(u)) continue;
                Set<String> rel = new HashSet<>(test.get(u));
                rel.removeAll(train.get(u));
                if (rel.isEmpty()) continue;
                users++;
                List<String> top = lists.get(u).subList(0, 10);
                double dcg = 0, idcg = 0;
                int hits = 0;
                for (int r1 = 1; r1 <= 10; r1++) {
                    if (rel.contains(top.get(r1 - 1))) {
                        dcg += 1 / (Math.log(r1 + 1) / Math.log(2));
                        hits++;
                    }
                    if (r1 <= rel.size()) idcg += 1 / (Math.log(r1 + 1) / Math.log(2));
                }
                ndcg += dcg / idcg;
                recall += (double) hits / rel.size();
                for (String item : top) assertFalse(train.get(u).contains(item), "seen item recommended to " + u);
            }
            assertEquals(users, r.at("/windows/test/counts/eval_users").asInt());
            // Same per-user doubles; the sums run in the same user order (ids sorted), so equality holds to the last bit
            // in practice; 1e-12 allows for a different order of addition.
            assertEquals(ndcg / users, r.at("/windows/test/models/ntg/metrics/ndcg@10/estimate").asDouble(), 1e-12);
            assertEquals(recall / users, r.at("/windows/test/models/ntg/metrics/recall@10/estimate").asDouble(), 1e-12);

            String first = hashes(p);
            p.run(new RankStage());
            assertEquals(first, hashes(p), "rerun");
            TestPipeline one = TestPipeline.movieLens100k(dir, "ranking.bootstrap_resamples=200", "taste.bootstrap=0", "project.threads=1");
            one.run(new RankStage());
            assertEquals(first, hashes(one), "1 thread vs 2");
        }
    }

    @Test
    @DisplayName("on the dev synthetic service NTG beats popularity on TEST NDCG@10 (paired interval above 0), every baseline beside it;"
            + " the backtest leaves stage 04's components out of its folds")
    void syntheticDev(@TempDir Path dir) {
        TestPipeline p = TestPipeline.create(dir, "dataset.synthetic.events=200000", "dataset.synthetic.users=2000", "dataset.synthetic.items=1500",
                "dataset.synthetic.days=240", "ranking.bootstrap_resamples=200", "ranking.backtest_folds=2", "taste.bootstrap=0");
        p.run(new GenerateEventsStage());
        JsonNode r = report(ranked(p));
        beats(r, "popularity");
        assertEquals(9, r.at("/windows/test/models").size());
        assertTrue(r.at("/windows/test/models/taste_affinity/metrics/ndcg@10/low").isNumber());
        assertTrue(r.at("/blend/weights/taste_affinity").isNumber(), "taste affinity is a tuned component");
        assertEquals("ok", r.at("/backtest/status").asText());
        assertTrue(r.at("/backtest/pooled/ntg/ndcg@10/low").isNumber());
        for (String fitted : List.of("svd", "taste_affinity")) {
            assertTrue(r.at("/backtest/pooled/" + fitted).isMissingNode(), fitted + " was fitted on all of TRAIN: no fold may use it");
        }
        assertTrue(r.at("/protocol/backtest_components").asText().contains("taste_affinity"));
        try (DuckSession duck = DuckSession.inMemory()) {
            String c = DuckSession.parquet(p.path(PathCatalog.RANKING_CANDIDATES));
            // every row has a reason; graph reasons name a train item, taste reasons an axis of axes.parquet
            assertEquals(0L, duck.queryLong("SELECT count(*) FROM " + c
                    + " WHERE explanation IS NULL OR (reason IN ('item_knn', 'rp3beta') AND because_item_id IS NULL)"
                    + " OR (reason = 'taste_affinity' AND (because_axis IS NULL OR explanation NOT LIKE 'matches your taste for %'))"));
            assertEquals(0L, duck.queryLong("SELECT count(*) FROM " + c + " WHERE because_axis IS NOT NULL AND because_axis NOT IN (SELECT axis FROM "
                    + DuckSession.parquet(p.path(PathCatalog.TASTE_AXES)) + ")"));
        }
    }

    @Nested
    @DisplayName("on bad input")
    class BadInput {
        @TempDir
        Path dir;

        @Test
        @DisplayName("run before build-graph: one message naming the missing graph and the command to run")
        void missingGraph() {
            TestPipeline p = TestPipeline.movieLens100k(dir);
            p.run(new BuildDatasetStage());
            NtgException e = assertThrows(NtgException.class, () -> p.run(new RankStage()));
            assertTrue(e.getMessage().contains("outputs/graph/item_edges.parquet") && e.getMessage().contains("build-graph"), e.getMessage());
        }

        @Test
        @DisplayName("run before build-taste: one message naming the missing taste artifact and the command to run")
        void missingTaste() {
            TestPipeline p = TestPipeline.movieLens100k(dir);
            p.run(new BuildDatasetStage());
            p.run(new BuildGraphStage());
            NtgException e = assertThrows(NtgException.class, () -> p.run(new RankStage()));
            assertTrue(e.getMessage().contains("outputs/taste/") && e.getMessage().contains("ntg build-taste"), e.getMessage());
        }

        @Test
        @DisplayName("taste.embeddings = false: no factor files needed; svd is reported as skipped and pure_svd stays")
        void withoutEmbeddings() {
            TestPipeline p = ranked(TestPipeline.movieLens100k(dir, "taste.embeddings=false", "taste.bootstrap=0", "ranking.bootstrap_resamples=0"));
            JsonNode r = report(p);
            assertFalse(Files.exists(p.path(PathCatalog.ITEM_FACTORS)));
            assertTrue(r.at("/protocol/skipped_models/svd").isTextual());
            assertTrue(r.at("/windows/test/models/pure_svd").isObject());
            assertTrue(r.at("/blend/weights/svd").isMissingNode());
        }

        @Test
        @DisplayName("K <= 0 or K > top_n: a config error naming ranking.ks")
        void badK() {
            ConfigException e = assertThrows(ConfigException.class, () -> TestPipeline.create(dir, "ranking.ks=[0, 10]"));
            assertTrue(e.getMessage().contains("ranking.ks"), e.getMessage());
            e = assertThrows(ConfigException.class, () -> TestPipeline.create(dir, "ranking.ks=[50]"));
            assertTrue(e.getMessage().contains("ranking.ks"), e.getMessage());
        }

        @Test
        @DisplayName("windows of only new users: a report that says 'no eval users', not NaN")
        void noEvalUsers() throws Exception {
            StringBuilder csv = new StringBuilder("user_id,item_id,timestamp\n");
            for (int u = 0; u < 6; u++) for (int i = 0; i < 4; i++) csv.append("old").append(u).append(",i").append((u + i) % 5).append(",2023-01-0").append(1 + i).append("T0").append(u).append(":00:00Z\n");
            for (int u = 0; u < 6; u++) csv.append("new").append(u).append(",i").append(u % 5).append(",2023-03-0").append(1 + u).append("T00:00:00Z\n");
            Path file = dir.resolve("tiny.csv");
            Files.writeString(file, csv);
            TestPipeline p = TestPipeline.create(dir, "dataset.source=csv", "dataset.path=" + file, "split.val_fraction=0.1", "split.test_fraction=0.1",
                    "graph.min_support=1", "taste.k=2", "taste.bootstrap=0", "taste.embedding_rank=2");
            JsonNode r = report(ranked(p));
            assertEquals("no_eval_users", r.at("/windows/test/status").asText());
            assertEquals("no_eval_users", r.at("/windows/val/status").asText());
            assertTrue(r.at("/windows/test/message").asText().contains("no user"));
            assertTrue(r.at("/windows/test/counts/cold_users").asInt() > 0);
            assertFalse(Files.readString(p.path(PathCatalog.RANKING_REPORT)).contains("NaN"));
            assertTrue(Json.read(p.path(PathCatalog.RANKING_BLEND)).get("note").asText().contains("no eval users"));
        }
    }
}
