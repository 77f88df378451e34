package dev.ntg.report.notebook;

import dev.ntg.io.DuckSession;
import dev.ntg.io.PathCatalog;
import dev.ntg.report.figures.GraphFigures;
import org.knowm.xchart.XYChart;

import java.util.List;

/**
 * The item graph's charts for notebook 02: the report's own figure builders ({@link GraphFigures}) fed from the
 * artifacts. The aggregates behind the report's figures are queried here, once, for the notebook and the evaluate
 * stage alike, so the two always draw the same picture.
 */
public final class GraphCharts {
    private GraphCharts() {
    }

    /** In- and out-degree distributions on log–log axes. */
    public static XYChart degrees(Artifacts art) {
        String edges = art.parquet(PathCatalog.ITEM_EDGES);
        return (XYChart) GraphFigures.degrees(degreeCounts(art.duck(), edges, "dst"), degreeCounts(art.duck(), edges, "src"),
                art.report(PathCatalog.GRAPH_DIAGNOSTICS)).chart();
    }

    /** Mean popularity of source items and of their neighbours, by source popularity decile. */
    public static XYChart popularityBias(Artifacts art) {
        return (XYChart) GraphFigures.popularityBias(popularityDeciles(art.duck(), art.parquet(PathCatalog.TRAIN),
                art.parquet(PathCatalog.ITEM_EDGES)), art.report(PathCatalog.GRAPH_DIAGNOSTICS)).chart();
    }

    /** Histogram of the kept edges' similarity. */
    public static XYChart similarity(Artifacts art) {
        List<Double> sims = art.duck().query("SELECT similarity FROM " + art.parquet(PathCatalog.ITEM_EDGES) + " ORDER BY src, rank",
                rs -> rs.getDouble(1));
        double[] v = new double[sims.size()];
        for (int i = 0; i < v.length; i++) v[i] = sims.get(i);
        return (XYChart) GraphFigures.similarity(v, art.report(PathCatalog.GRAPH_DIAGNOSTICS)).chart();
    }

    /**
     * How many items have each degree, from an edge relation: {@code column} = {@code dst} gives the in-degree,
     * {@code src} the out-degree. Items of degree 0 have no row in the edges and so none here.
     */
    public static List<GraphFigures.DegreeCount> degreeCounts(DuckSession duck, String edges, String column) {
        if (!column.equals("src") && !column.equals("dst")) throw new IllegalArgumentException("degree of src or dst, not " + column);
        return duck.query("SELECT d, count(*) FROM (SELECT " + column + ", count(*) AS d FROM " + edges + " GROUP BY " + column
                + ") GROUP BY d ORDER BY d", rs -> new GraphFigures.DegreeCount(rs.getLong(1), rs.getLong(2)));
    }

    /**
     * Source items with at least one neighbour, in ten popularity deciles (popularity = distinct TRAIN users, as the
     * graph stage counts it; ties by item id): per decile, the mean popularity of its items and the mean over them of
     * their neighbours' mean popularity.
     */
    public static List<GraphFigures.PopularityDecile> popularityDeciles(DuckSession duck, String train, String edges) {
        return duck.query("WITH pop AS (SELECT item_id, count(DISTINCT user_id)::DOUBLE AS users FROM " + train
                        + " GROUP BY item_id), nb AS (SELECT e.src, avg(p.users) AS nb_users FROM " + edges + " e JOIN pop p ON p.item_id = e.dst"
                        + " GROUP BY e.src), s AS (SELECT nb.src, p.users, nb.nb_users, ntile(10) OVER (ORDER BY p.users, nb.src) AS decile"
                        + " FROM nb JOIN pop p ON p.item_id = nb.src) SELECT decile, avg(users), avg(nb_users) FROM s GROUP BY decile ORDER BY decile",
                rs -> new GraphFigures.PopularityDecile(rs.getInt(1), rs.getDouble(2), rs.getDouble(3)));
    }
}
