package dev.ntg.graph;

import dev.ntg.NtgException;
import dev.ntg.data.BuildDatasetStage;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Hashing;
import dev.ntg.io.Json;
import dev.ntg.io.PathCatalog;
import dev.ntg.report.SchemaValidator;
import dev.ntg.testing.TestPipeline;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("build-graph on MovieLens 100K")
class BuildGraphIT {
    @TempDir
    Path dir;

    private static String hashes(TestPipeline p) {
        return Hashing.sha256(p.path(PathCatalog.ITEM_EDGES)) + " " + Hashing.sha256(p.path(PathCatalog.GRAPH_DIAGNOSTICS));
    }

    @Test
    @DisplayName("cosine matches |U_i ∩ U_j| / sqrt(|U_i||U_j|) computed from train.parquet in SQL, and top-K lists match")
    void cosineMatchesSlowComputation() {
        TestPipeline p = TestPipeline.movieLens100k(dir, "graph.user_cap=100000", "graph.min_support=1", "graph.top_k=20");
        p.run(new BuildDatasetStage());
        p.run(new BuildGraphStage());
        try (DuckSession duck = DuckSession.inMemory()) {
            duck.execute("CREATE TABLE ui AS SELECT DISTINCT user_id, item_id FROM " + DuckSession.parquet(p.path(PathCatalog.TRAIN)));
            duck.execute("CREATE TABLE deg AS SELECT item_id, count(*)::DOUBLE AS c FROM ui GROUP BY item_id");
            // the slow, obvious way: a self-join over users, then the cosine formula
            duck.execute("CREATE TABLE slow AS SELECT a.item_id AS src, b.item_id AS dst, count(*) AS cij,"
                    + " count(*) / sqrt(da.c * db.c) AS cosine FROM ui a JOIN ui b ON a.user_id = b.user_id AND a.item_id <> b.item_id"
                    + " JOIN deg da ON da.item_id = a.item_id JOIN deg db ON db.item_id = b.item_id GROUP BY a.item_id, b.item_id, da.c, db.c");
            duck.execute("CREATE TABLE edges AS SELECT * FROM " + DuckSession.parquet(p.path(PathCatalog.ITEM_EDGES)));
            long edges = duck.queryLong("SELECT count(*) FROM edges");
            assertTrue(edges > 10_000, "edges: " + edges);
            // every edge's similarity and count equal the slow values
            assertEquals(0L, duck.queryLong("SELECT count(*) FROM edges e LEFT JOIN slow s USING (src, dst)"
                    + " WHERE s.cij IS NULL OR s.cij <> e.cooccurrence OR abs(s.cosine - e.similarity) > 1e-12"));
            // and the kept lists are the slow top-20 (cosine desc, dst asc) of every source
            assertEquals(0L, duck.queryLong("SELECT count(*) FROM (SELECT src, dst, row_number() OVER (PARTITION BY src ORDER BY cosine DESC, dst) AS r"
                    + " FROM slow) s FULL JOIN edges e ON e.src = s.src AND e.rank = s.r WHERE (s.r <= 20 OR e.rank IS NOT NULL)"
                    + " AND (e.dst IS DISTINCT FROM s.dst)"));
            // a few pairs by hand-written Java set arithmetic
            List<String[]> some = duck.query("SELECT src, dst, similarity FROM edges ORDER BY src, rank LIMIT 5",
                    rs -> new String[]{rs.getString(1), rs.getString(2), Double.toString(rs.getDouble(3))});
            for (String[] e : some) {
                java.util.Set<String> ui = new java.util.HashSet<>(duck.query("SELECT user_id FROM ui WHERE item_id = '" + e[0] + "'", rs -> rs.getString(1)));
                java.util.Set<String> uj = new java.util.HashSet<>(duck.query("SELECT user_id FROM ui WHERE item_id = '" + e[1] + "'", rs -> rs.getString(1)));
                int both = 0;
                for (String u : ui) if (uj.contains(u)) both++;
                assertEquals(both / Math.sqrt((double) ui.size() * uj.size()), Double.parseDouble(e[2]), 1e-12, e[0] + ">" + e[1]);
            }
        }
        assertEquals(List.of(), SchemaValidator.of(GraphDiagnostics.SCHEMA).violations(Json.read(p.path(PathCatalog.GRAPH_DIAGNOSTICS))));
    }

    @Test
    @DisplayName("reruns are byte-identical, with 1 thread or 2")
    void deterministic() {
        TestPipeline one = TestPipeline.movieLens100k(dir, "project.threads=1", "graph.measure=llr", "graph.user_cap=100");
        TestPipeline two = TestPipeline.movieLens100k(dir, "project.threads=2", "graph.measure=llr", "graph.user_cap=100");
        one.run(new BuildDatasetStage());
        one.run(new BuildGraphStage());
        String first = hashes(one);
        one.run(new BuildGraphStage());
        assertEquals(first, hashes(one));
        two.run(new BuildGraphStage());
        assertEquals(first, hashes(two));
    }

    @Test
    @DisplayName("run before build-dataset: a message saying what to run")
    void outOfOrder() {
        TestPipeline p = TestPipeline.create(dir, "dataset.source=csv", "dataset.path=" + TestPipeline.fixture("graph/tiny_events.csv"));
        NtgException e = assertThrows(NtgException.class, () -> p.run(new BuildGraphStage()));
        assertTrue(e.getMessage().contains("build-graph needs data/processed/splits/train.parquet") && e.getMessage().contains("ntg build-dataset"),
                e.getMessage());
    }

    @Test
    @DisplayName("the tiny CSV fixture runs end to end through build-dataset and build-graph")
    void tinyCsv() {
        TestPipeline p = TestPipeline.create(dir, "dataset.source=csv", "dataset.path=" + TestPipeline.fixture("graph/tiny_events.csv"),
                "graph.min_support=1");
        p.run(new BuildDatasetStage());
        p.run(new BuildGraphStage());
        assertEquals(List.of(), SchemaValidator.of(GraphDiagnostics.SCHEMA).violations(Json.read(p.path(PathCatalog.GRAPH_DIAGNOSTICS))));
        assertTrue(Files.isRegularFile(p.path(PathCatalog.ITEM_EDGES)));
    }
}
