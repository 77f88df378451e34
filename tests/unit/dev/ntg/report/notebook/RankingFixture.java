package dev.ntg.report.notebook;

import dev.ntg.testing.PublishedReports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Json;
import dev.ntg.io.PathCatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A hand-made rank stage output in a work dir, headline ndcg@2. TRAIN: u1 {i1, i2, i3}, u2 {i1, i5}, u3 {i2, i3, i4, i1},
 * u5 {i1}. TEST: u1 i4, i1 (a repeat), i9 (absent from TRAIN); u2 i1 (a repeat only: not evaluated); u3 i5 twice; u4 i1
 * (a new user); u5 i2. So the TEST eval users are u1 (relevant {i4, i9}), u3 ({i5}) and u5 ({i2}): 4 relevant pairs, 1 on
 * an item absent from TRAIN. NTG's lists (candidates.parquet): u1 [i5, i4], u2 [i2, i3, i4], u3 [i5], u5 [i3, i4, i5].
 * At K = 2 by hand: u1 hits i4 at rank 2 (recall 1/2, NDCG (1/log2 3) / (1 + 1/log2 3)), u3 hits i5 at rank 1 (recall
 * 1, NDCG 1), u5 misses; so hit rate 2/3, recall 1/2, NDCG (0.386853 + 1) / 3 — the values ranking.json states.
 */
final class RankingFixture {
    static final double U1_NDCG = (1 / log2(3)) / (1 + 1 / log2(3));
    static final double NDCG = (U1_NDCG + 1) / 3;
    static final double RECALL = (0.5 + 1 + 0) / 3;
    static final double HIT_RATE = 2.0 / 3;

    private RankingFixture() {
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** The report as stage rank would write it for the data above (counts and NTG's TEST metrics are the hand-computed truth). */
    static ObjectNode report() {
        String json = """
                {"schema_version": "2",
                 "protocol": {"eval_users": "users with a TRAIN event and a new item in the window", "relevant_items": "new window items",
                   "history": "TRAIN only", "candidate_pool": "unseen TRAIN items", "ties": "item id ascending", "ntg": "the blend",
                   "tuning": "on VAL", "metrics": "binary relevance", "intervals": "bootstrap", "segments": "light <= 1, heavy > 3",
                   "ks": [1, 2], "top_n": 3, "models": {"popularity": "distinct TRAIN users", "ntg": "blend of item_knn, popularity",
                   "item_knn": "graph neighbours", "ease": "EASE^R"}, "skipped_models": {"svd": "no factors"}, "backtest_components": "x"},
                 "blend": %s,
                 "windows": {
                   "val": {"status": "ok", "counts": {"window_events": 2, "window_users": 2, "window_items": 1, "cold_users": 0, "cold_items": 0,
                       "eval_users": 2, "relevant_pairs": 2, "relevant_pairs_on_cold_items": 0, "train_users_only_repeating": 0},
                     "models": {"ntg": %s, "popularity": %s, "item_knn": %s},
                     "paired_vs_ntg": {"popularity": {"ndcg@2": {"estimate": 0.08, "low": 0.01, "high": 0.15}},
                                       "item_knn": {"ndcg@2": {"estimate": 0.16, "low": 0.1, "high": 0.2}}}},
                   "test": {"status": "ok", "counts": {"window_events": 8, "window_users": 5, "window_items": 5, "cold_users": 1, "cold_user_events": 1,
                       "cold_items": 1, "cold_item_events": 1, "eval_users": 3, "relevant_pairs": 4, "relevant_pairs_on_cold_items": 1,
                       "train_users_only_repeating": 1},
                     "models": {"ntg": %s, "popularity": %s, "item_knn": %s, "ease": %s},
                     "paired_vs_ntg": {
                       "popularity": {"ndcg@2": {"estimate": 0.1, "low": 0.05, "high": 0.15}, "recall@2": {"estimate": 0.2, "low": 0.1, "high": 0.3}},
                       "item_knn": {"ndcg@2": {"estimate": 0.02, "low": -0.01, "high": 0.05}},
                       "ease": {"ndcg@2": {"estimate": -0.05, "low": -0.08, "high": -0.02}}}}},
                 "backtest": {"folds": 0, "status": "disabled", "message": "set ranking.backtest_folds > 0"},
                 "summary": {"headline_metric": "ndcg@2",
                   "val": {"status": "ok", "ntg_beats_baseline_significantly": {"popularity": true, "item_knn": true}},
                   "test": {"status": "ok", "ntg_beats_baseline_significantly": {"popularity": true, "item_knn": false, "ease": false}}}}
                """.formatted(BLEND,
                model(0.26, 0.30, 0.5, 500, 0.5, 0.4, 0.6), model(0.18, 0.20, 0.4, 900, 0.2, 0.3, 0.3), model(0.10, 0.12, 0.3, 700, 0.1, 0.2, 0.2),
                model(NDCG, RECALL, HIT_RATE, 600, 0.4, 0.5, 0.45), model(0.30, 0.25, 0.5, 950, 0.3, 0.2, 0.25),
                model(0.40, 0.35, 0.6, 700, 0.45, 0.35, 0.35), model(0.55, 0.40, 0.7, 650, 0.5, 0.5, 0.55));
        try {
            return PublishedReports.published(Json.MAPPER.readTree(json), "ranking.schema.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The search: start item_knn alone (0.10); round 1 item_knn 0.5 (0.10, a tie: kept at 1), popularity 0.5 (0.20) and
     * 1.0 (0.25); round 2 item_knn 0.5 (0.26), popularity 0.5 (0.22). Chosen: item_knn 0.5, popularity 1.0.
     */
    static final String BLEND = """
            {"weights": {"item_knn": 0.5, "popularity": 1.0}, "tuned_on": "val", "objective": "ndcg@2",
             "note": "searched on all 2 VAL eval users", "grid": [0.0, 0.5, 1.0], "val_objective": 0.26, "search_users": 2,
             "candidates_per_scorer": 10, "trace": [
               {"round": 0, "component": "start", "weight": 1.0, "weights": {"item_knn": 1.0, "popularity": 0.0}, "objective": 0.10},
               {"round": 1, "component": "item_knn", "weight": 0.5, "weights": {"item_knn": 0.5, "popularity": 0.0}, "objective": 0.10},
               {"round": 1, "component": "popularity", "weight": 0.5, "weights": {"item_knn": 1.0, "popularity": 0.5}, "objective": 0.20},
               {"round": 1, "component": "popularity", "weight": 1.0, "weights": {"item_knn": 1.0, "popularity": 1.0}, "objective": 0.25},
               {"round": 2, "component": "item_knn", "weight": 0.5, "weights": {"item_knn": 0.5, "popularity": 1.0}, "objective": 0.26},
               {"round": 2, "component": "popularity", "weight": 0.5, "weights": {"item_knn": 0.5, "popularity": 0.5}, "objective": 0.22}]}
            """;

    /**
     * One model's entry at K = 2: ndcg@2 and recall@2 (intervals ±0.05), hit_rate@2 (no interval), beyond accuracy at 2
     * (popularity, coverage), user segments (ndcg@2: light, medium, heavy = ndcg ± 0.1) and item segments.
     */
    static String model(double ndcg, double recall, double hit, double popularity, double coverage, double headShare, double headRecall) {
        return String.format(java.util.Locale.ROOT, """
                {"metrics": {"ndcg@2": {"estimate": %s, "low": %s, "high": %s}, "recall@2": {"estimate": %s, "low": %s, "high": %s},
                   "hit_rate@2": {"estimate": %s, "low": null, "high": null}, "ndcg@1": {"estimate": %s, "low": %s, "high": %s}},
                 "beyond_accuracy": {"coverage@2": %s, "novelty@2": 1.5, "gini@2": 0.5, "avg_popularity@2": %s},
                 "segments": {"users": {"light": {"users": 1, "ndcg@2": %s, "recall@2": 0.1}, "medium": {"users": 1, "ndcg@2": %s, "recall@2": 0.2},
                                        "heavy": {"users": 1, "ndcg@2": %s, "recall@2": 0.3}},
                              "items": {"head": {"users_with_relevant_items": 2, "recall@2": %s, "share_of_top_2": %s},
                                        "tail": {"users_with_relevant_items": 1, "recall@2": 0.0, "share_of_top_2": %s}}}}
                """, ndcg, ndcg - 0.05, ndcg + 0.05, recall, recall - 0.05, recall + 0.05, hit, ndcg, ndcg - 0.05, ndcg + 0.05,
                coverage, popularity, ndcg - 0.1, ndcg, ndcg + 0.1, headRecall, headShare, 1 - headShare);
    }

    /** The work dir with the data above and the given report; blend.json is {@link #BLEND}. */
    static Path write(Path workDir, ObjectNode report) {
        PathCatalog c = new PathCatalog(workDir);
        try (DuckSession duck = DuckSession.inMemory()) {
            Files.createDirectories(c.resolve(PathCatalog.TRAIN).getParent());
            Files.createDirectories(c.resolve(PathCatalog.RANKING_CANDIDATES).getParent());
            Files.createDirectories(c.resolve(PathCatalog.RANKING_REPORT).getParent());
            String cols = " AS t(user_id, item_id, ts)";
            duck.copyToParquet("SELECT * FROM (VALUES ('u1', 'i1', TIMESTAMP '2023-01-01 10:00:00'), ('u1', 'i2', TIMESTAMP '2023-01-02 10:00:00'),"
                    + " ('u1', 'i3', TIMESTAMP '2023-01-03 10:00:00'), ('u2', 'i1', TIMESTAMP '2023-01-01 11:00:00'),"
                    + " ('u2', 'i5', TIMESTAMP '2023-01-02 11:00:00'), ('u3', 'i2', TIMESTAMP '2023-01-01 12:00:00'),"
                    + " ('u3', 'i3', TIMESTAMP '2023-01-02 12:00:00'), ('u3', 'i4', TIMESTAMP '2023-01-03 12:00:00'),"
                    + " ('u3', 'i1', TIMESTAMP '2023-01-04 12:00:00'), ('u5', 'i1', TIMESTAMP '2023-01-02 13:00:00'))" + cols, c.resolve(PathCatalog.TRAIN));
            duck.copyToParquet("SELECT * FROM (VALUES ('u1', 'i5', TIMESTAMP '2023-01-06 10:00:00'), ('u3', 'i5', TIMESTAMP '2023-01-06 11:00:00'))"
                    + cols, c.resolve(PathCatalog.VAL));
            duck.copyToParquet("SELECT * FROM (VALUES ('u1', 'i4', TIMESTAMP '2023-01-08 10:00:00'), ('u1', 'i1', TIMESTAMP '2023-01-08 11:00:00'),"
                    + " ('u1', 'i9', TIMESTAMP '2023-01-08 12:00:00'), ('u2', 'i1', TIMESTAMP '2023-01-08 13:00:00'),"
                    + " ('u3', 'i5', TIMESTAMP '2023-01-08 14:00:00'), ('u3', 'i5', TIMESTAMP '2023-01-09 14:00:00'),"
                    + " ('u4', 'i1', TIMESTAMP '2023-01-08 15:00:00'), ('u5', 'i2', TIMESTAMP '2023-01-08 16:00:00'))" + cols, c.resolve(PathCatalog.TEST));
            duck.copyToParquet("SELECT * FROM (VALUES ('i1', 'One', 'drama'), ('i2', 'Two', 'comedy'), ('i3', 'Three', 'drama|comedy'),"
                    + " ('i4', 'Four', 'horror'), ('i5', 'Five', 'scifi'), ('i9', 'Nine', 'drama')) AS t(item_id, title, genres)", c.resolve(PathCatalog.ITEMS));
            duck.copyToParquet("SELECT * FROM (VALUES ('u1', 1, 'i5', 0.9, 'popularity', 'popular with everyone'),"
                    + " ('u1', 2, 'i4', 0.8, 'item_knn', 'because you watched Three'), ('u2', 1, 'i2', 0.7, 'popularity', 'popular with everyone'),"
                    + " ('u2', 2, 'i3', 0.6, 'popularity', 'popular with everyone'), ('u2', 3, 'i4', 0.5, 'popularity', 'popular with everyone'),"
                    + " ('u3', 1, 'i5', 0.95, 'popularity', 'popular with everyone'), ('u5', 1, 'i3', 0.9, 'item_knn', 'because you watched One'),"
                    + " ('u5', 2, 'i4', 0.8, 'item_knn', 'because you watched One'), ('u5', 3, 'i5', 0.7, 'popularity', 'popular with everyone'))"
                    + " AS t(user_id, rank, item_id, score, reason, explanation)", c.resolve(PathCatalog.RANKING_CANDIDATES));
            Files.writeString(c.resolve(PathCatalog.RANKING_BLEND), BLEND);
            Json.write(c.resolve(PathCatalog.RANKING_REPORT), report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return workDir;
    }

    static Path write(Path workDir) {
        return write(workDir, report());
    }
}
