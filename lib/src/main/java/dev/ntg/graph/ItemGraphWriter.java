package dev.ntg.graph;

import dev.ntg.io.DuckSession;

import org.duckdb.DuckDBAppender;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Writes {@code item_edges.parquet} (src, dst, similarity, cooccurrence, rank). Each source's neighbours go to
 * DuckDB as one appender row of lists, so the Java side appends one row per item instead of one per edge;
 * DuckDB unnests them, maps indices back to item ids and writes the file in (src, rank) order.
 */
public final class ItemGraphWriter {
    private static final String ROWS = "graph_rows";

    private ItemGraphWriter() {
    }

    public static void write(DuckSession duck, ItemGraph graph, String itemTable, Path target) {
        duck.execute("CREATE OR REPLACE TEMP TABLE " + ROWS + " (src INTEGER, dst INTEGER[], similarity DOUBLE[], cooccurrence INTEGER[])");
        try (DuckDBAppender app = duck.appender(ROWS)) {
            for (int i = 0; i < graph.items(); i++) {
                if (graph.dst[i].length == 0) continue;
                app.beginRow().append(i).append(graph.dst[i]).append(graph.similarity[i]).append(graph.count[i]).endRow();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append graph edges: " + e.getMessage(), e);
        }
        duck.copyToParquet("SELECT s.item_id AS src, d.item_id AS dst, e.similarity, e.cooccurrence::BIGINT AS cooccurrence, e.rank::INTEGER AS rank"
                + " FROM (SELECT src, unnest(dst) AS dst, unnest(similarity) AS similarity, unnest(cooccurrence) AS cooccurrence,"
                + " unnest(generate_series(1, len(dst))) AS rank FROM " + ROWS + ") e"
                + " JOIN " + itemTable + " s ON s.idx = e.src JOIN " + itemTable + " d ON d.idx = e.dst"
                + " ORDER BY e.src, e.rank", target);
        duck.execute("DROP TABLE " + ROWS);
    }
}
