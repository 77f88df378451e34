package dev.ntg.report.notebook;

import dev.ntg.testing.PublishedReports;

import dev.ntg.io.DuckSession;
import dev.ntg.io.Json;
import dev.ntg.io.PathCatalog;
import dev.ntg.report.SchemaValidator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A hand-made graph and taste run in a work dir: five items, six users, eight edges, two axes.
 *
 * <pre>
 * items  101 Alpha [action, comedy]  102 Bravo [action]  103 Charlie [drama]  104 Delta [drama, action]  105 Echo [comedy]
 * TRAIN  user 1: 101 (twice), 102, 103 · user 2: 101, 102 · user 3: 101, 104 · user 4: 103, 104 · user 5: 105 · user 6: 101
 *        → distinct TRAIN users: 101: 4, 102: 2, 103: 2, 104: 2, 105: 1
 * edges  (cosine c(i,j)/√(c(i)c(j)), top_k = 2, ties by smaller id)
 *        101→102 .7071 (1), 101→103 .3536 (2) · 102→101 .7071 (1), 102→103 .5 (2)
 *        103→102 .5 (1), 103→104 .5 (2) · 104→103 .5 (1), 104→101 .3536 (2) · 105: none
 *        → out-degree 2,2,2,2,0; in-degree 101: 2, 102: 2, 103: 3, 104: 1, 105: 0; 105 is isolated
 * axes   1 = action (101, 102, 104), 2 = drama (103, 105); users 1, 2, 3, 6 lean to axis 1, users 4, 5 to axis 2
 * </pre>
 *
 * graph_diagnostics.json agrees with these files in its sizes, degrees, weight quantiles, components and popularity bias;
 * the pairs and caps there, and the taste diagnostics, are hand-picked numbers whose presentation the tests check.
 */
final class GraphTasteFixture {
    static final String GRAPH_DIAGNOSTICS = """
            {"schema_version": "1",
             "settings": {"measure": "cosine", "cooccurrence": "whole", "window_hours": 24.0, "weighting": "binary",
                          "user_downweight": "none", "user_cap": 2, "min_support": 1, "top_k": 2},
             "nodes": 5, "nodes_with_interactions": 5, "edges": 8, "coverage": 0.8,
             "out_degree": {"n": 5, "min": 0, "p25": 2, "median": 2, "p75": 2, "p90": 2, "p99": 2, "max": 2, "mean": 1.6},
             "in_degree": {"n": 5, "min": 0, "p25": 1, "median": 2, "p75": 2, "p90": 3, "p99": 3, "max": 3, "mean": 1.6},
             "hubness": {"gini": 0.35, "max_in_degree": 3, "top1_pct_items": 1, "top1_pct_edge_share": 0.375, "zero_in_degree": 1},
             "similarity": {"n": 8, "min": 0.3536, "p25": 0.3536, "median": 0.5, "p75": 0.5, "p90": 0.7071, "p99": 0.7071, "max": 0.7071, "mean": 0.5152},
             "cooccurrence": {"n": 8, "min": 1, "p25": 1, "median": 1, "p75": 1, "p90": 2, "p99": 2, "max": 2, "mean": 1.25},
             "components": {"count": 2, "largest": 4, "largest_share": 0.8, "isolated": 1},
             "popularity_bias": {"mean_source_rank": 2.5, "mean_neighbour_rank": 2.375, "neighbour_to_source_rank_ratio": 0.95,
                                 "mean_source_popularity": 2.5, "mean_neighbour_popularity": 2.5},
             "pairs": {"counted": 20, "distinct": 10, "below_min_support": 1, "pruned_by_top_k": 1, "kept": 8},
             "caps": {"train_events": 12, "repeat_events_merged": 1, "users": 6, "items": 5, "interactions_kept": 10,
                      "interactions_capped": 1, "users_capped": 1, "pairs_removed_by_cap": 4, "max_user_items_before_cap": 3}}
            """;

    static final String RECOVERY = """
            {"items": 5, "nmi": 0.4, "ari": 0.3, "clear_items": 3, "clear_nmi": 0.8, "users": 6,
             "mean_matched_correlation": 0.55, "mean_best_correlation": 0.55,
             "genres": [{"genre": "drama", "items": 2, "axis": 2, "item_share": 1.0, "correlation": 0.5, "best_axis": 2, "best_correlation": 0.5},
                        {"genre": "action", "items": 3, "axis": 1, "item_share": 0.6667, "correlation": 0.6, "best_axis": 1, "best_correlation": 0.6}]}
            """;

    static final String TASTE_DIAGNOSTICS = """
            {"schema_version": "1", "method": "hand-made axes",
             "settings": {"k": 2, "dims_per_axis": 2, "degree_regularization": 0.1, "min_item_users": 2, "top_n": 3, "smoothing": 1.0,
                          "kmeans_restarts": 1, "bootstrap": 2, "early_fraction": 0.8, "seed": 1, "embeddings": true, "embedding_rank": 2},
             "data": {"train_events": 12, "users": 6, "items": 5, "interactions": 11, "items_shaping": 4},
             "spectrum": [1.0, 0.5], "kmeans_distortion": 0.1,
             "axes": [{"axis": 1, "label": "action: Bravo, Alpha", "genres": ["action"], "size": 3, "user_share": 0.6667, "cohesion": 0.6},
                      {"axis": 2, "label": "drama: Charlie, Echo", "genres": ["drama"], "size": 2, "user_share": 0.3333, "cohesion": 0.5}],
             "cohesion": {"edges": 8, "within_axis_share": 0.6, "expected_if_random": 0.4},
             "stability": {"resamples": [{"kind": "bootstrap", "index": 1, "items": 5, "ari": 0.5, "matched_overlap": 0.6},
                                         {"kind": "bootstrap", "index": 2, "items": 5, "ari": 0.7, "matched_overlap": 0.8},
                                         {"kind": "early", "index": 1, "items": 4, "ari": 0.9, "matched_overlap": 0.95}],
                           "bootstrap_mean_ari": 0.6, "bootstrap_mean_overlap": 0.7, "early_ari": 0.9, "early_overlap": 0.95},
             "recovery": %s,
             "embeddings": {"rank": 2, "weighting": "log1p(events)", "singular_values": [4.0, 2.0], "explained_variance": 0.5}}
            """;

    private GraphTasteFixture() {
    }

    /** The run on the synthetic service: with planted truth (recovery and truth users). */
    static Path write(Path workDir) {
        return write(workDir, true);
    }

    /** The run; {@code synthetic = false} leaves out the planted truth, as on a real event log. */
    static Path write(Path workDir, boolean synthetic) {
        PathCatalog c = new PathCatalog(workDir);
        try (DuckSession duck = DuckSession.inMemory()) {
            for (var a : new dev.ntg.io.Artifact[]{PathCatalog.TRAIN, PathCatalog.ITEM_FEATURES, PathCatalog.ITEM_EDGES, PathCatalog.TASTE_AXES,
                    PathCatalog.TRUTH_USERS}) {
                Files.createDirectories(c.resolve(a).getParent());
            }
            duck.copyToParquet("SELECT user_id, item_id, ts, 1.0 AS value FROM (VALUES ('1', '101', TIMESTAMP '2023-01-01 10:00:00'),"
                    + " ('1', '101', TIMESTAMP '2023-01-05 10:00:00'), ('1', '102', TIMESTAMP '2023-01-02 10:00:00'),"
                    + " ('1', '103', TIMESTAMP '2023-01-03 10:00:00'), ('2', '101', TIMESTAMP '2023-01-01 11:00:00'),"
                    + " ('2', '102', TIMESTAMP '2023-01-01 12:00:00'), ('3', '101', TIMESTAMP '2023-01-02 11:00:00'),"
                    + " ('3', '104', TIMESTAMP '2023-01-02 12:00:00'), ('4', '103', TIMESTAMP '2023-01-03 11:00:00'),"
                    + " ('4', '104', TIMESTAMP '2023-01-03 12:00:00'), ('5', '105', TIMESTAMP '2023-01-04 10:00:00'),"
                    + " ('6', '101', TIMESTAMP '2023-01-04 11:00:00')) AS t(user_id, item_id, ts) ORDER BY ts", c.resolve(PathCatalog.TRAIN));
            duck.copyToParquet("SELECT * FROM (VALUES ('101', 'Alpha', 'action|comedy'), ('102', 'Bravo', 'action'), ('103', 'Charlie', 'drama'),"
                    + " ('104', 'Delta', 'drama|action'), ('105', 'Echo', 'comedy')) AS t(item_id, title, genres)", c.resolve(PathCatalog.ITEMS));
            duck.copyToParquet("SELECT * FROM (VALUES ('101', 4::BIGINT), ('102', 2::BIGINT), ('103', 2::BIGINT), ('104', 2::BIGINT),"
                    + " ('105', 1::BIGINT)) AS t(item_id, distinct_users)", c.resolve(PathCatalog.ITEM_FEATURES));
            duck.copyToParquet("SELECT src, dst, similarity, cooccurrence::BIGINT AS cooccurrence, rank::INTEGER AS rank FROM (VALUES"
                    + " ('101', '102', 0.7071, 2, 1), ('101', '103', 0.3536, 1, 2), ('102', '101', 0.7071, 2, 1), ('102', '103', 0.5, 1, 2),"
                    + " ('103', '102', 0.5, 1, 1), ('103', '104', 0.5, 1, 2), ('104', '103', 0.5, 1, 1), ('104', '101', 0.3536, 1, 2))"
                    + " AS t(src, dst, similarity, cooccurrence, rank)", c.resolve(PathCatalog.ITEM_EDGES));
            duck.copyToParquet("SELECT axis::INTEGER AS axis, label, genres::VARCHAR[] AS genres, genre_lifts::DOUBLE[] AS genre_lifts,"
                    + " size::BIGINT AS size, user_share, cohesion, top_items::VARCHAR[] AS top_items, top_titles::VARCHAR[] AS top_titles,"
                    + " top_loadings::DOUBLE[] AS top_loadings FROM (VALUES"
                    + " (1, 'action: Bravo, Alpha', ['action'], [1.5], 3, 0.6667, 0.6, ['102', '101', '104'], ['Bravo', 'Alpha', 'Delta'], [0.9, 0.8, 0.6]),"
                    + " (2, 'drama: Charlie, Echo', ['drama'], [2.5], 2, 0.3333, 0.5, ['103', '105'], ['Charlie', 'Echo'], [0.9, 0.7]))"
                    + " AS t(axis, label, genres, genre_lifts, size, user_share, cohesion, top_items, top_titles, top_loadings)",
                    c.resolve(PathCatalog.TASTE_AXES));
            duck.copyToParquet("SELECT item_id, dominant_axis::INTEGER AS dominant_axis, loadings[dominant_axis] AS dominant_loading,"
                    + " loadings::DOUBLE[] AS loadings, 1::BIGINT AS users, 1::BIGINT AS events, true AS shaping FROM (VALUES"
                    + " ('101', 1, [0.8, 0.2]), ('102', 1, [0.9, 0.1]), ('103', 2, [0.1, 0.9]), ('104', 1, [0.6, 0.4]), ('105', 2, [0.3, 0.7]))"
                    + " AS t(item_id, dominant_axis, loadings)", c.resolve(PathCatalog.ITEM_AXES));
            duck.copyToParquet("SELECT user_id, dominant_axis::INTEGER AS dominant_axis, scores::DOUBLE[] AS scores, diversity,"
                    + " items::BIGINT AS items, events::BIGINT AS events FROM (VALUES ('1', 1, [0.6, 0.4], 0.971, 3, 4),"
                    + " ('2', 1, [0.8, 0.2], 0.722, 2, 2), ('3', 1, [0.7, 0.3], 0.881, 2, 2), ('4', 2, [0.3, 0.7], 0.881, 2, 2),"
                    + " ('5', 2, [0.4, 0.6], 0.971, 1, 1), ('6', 1, [0.6, 0.4], 0.971, 1, 1))"
                    + " AS t(user_id, dominant_axis, scores, diversity, items, events)", c.resolve(PathCatalog.USER_TASTE));
            if (synthetic) {
                duck.copyToParquet("SELECT user_id::BIGINT AS user_id, taste_action, taste_drama FROM (VALUES (1, 0.5, 0.5), (2, 0.9, 0.1),"
                        + " (3, 0.8, 0.2), (4, 0.1, 0.9), (5, 0.3, 0.7), (6, 0.6, 0.4)) AS t(user_id, taste_action, taste_drama)",
                        c.resolve(PathCatalog.TRUTH_USERS));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeValid(c.resolve(PathCatalog.GRAPH_DIAGNOSTICS), GRAPH_DIAGNOSTICS, "graph_diagnostics.schema.json");
        writeValid(c.resolve(PathCatalog.TASTE_DIAGNOSTICS), TASTE_DIAGNOSTICS.formatted(synthetic ? RECOVERY : "null"),
                "taste_diagnostics.schema.json");
        return workDir;
    }

    /** Written only if the schema accepts it: the fixture must be a file the stage could have written. */
    private static void writeValid(Path file, String json, String schema) {
        try {
            var doc = PublishedReports.published(Json.MAPPER.readTree(json), schema);
            SchemaValidator.of(schema).check(doc, "fixture " + file.getFileName());
            Files.createDirectories(file.getParent());
            Json.write(file, doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
