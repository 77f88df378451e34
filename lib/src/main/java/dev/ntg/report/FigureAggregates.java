package dev.ntg.report;

import dev.ntg.io.DuckSession;
import dev.ntg.report.figures.GraphFigures;
import dev.ntg.report.figures.SplitFigure;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The few aggregates of Parquet artifacts that the report's figures draw, queried here once for the evaluate stage
 * and the notebooks alike, so the HTML report and a notebook always draw the same picture. Each takes FROM-clause
 * relations ({@link DuckSession#parquet}) rather than paths to keep the choice of file with the caller.
 */
public final class FigureAggregates {
    private FigureAggregates() {
    }

    /** Events per UTC day and split part: a table (day, part, events), days ascending, parts in split order. */
    public static Table eventsPerDay(DuckSession duck, String train, String val, String test) {
        List<String> relations = List.of(train, val, test);
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < SplitFigure.PARTS.size(); i++) {
            if (i > 0) sql.append(" UNION ALL ");
            sql.append("SELECT ").append(i).append(" AS pos, '").append(SplitFigure.PARTS.get(i)).append("' AS part, ts FROM ")
                    .append(relations.get(i));
        }
        return DuckTables.query(duck, "SELECT CAST(date_trunc('day', ts) AS DATE) AS day, part, count(*) AS events FROM (" + sql
                + ") GROUP BY day, pos, part ORDER BY day, pos", "events per day");
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

    /** Users per dominant axis (1-based), from a {@code user_taste.parquet} relation; users without a dominant axis are left out. */
    public static Map<Integer, Long> usersByDominantAxis(DuckSession duck, String userTaste) {
        Map<Integer, Long> usersByAxis = new TreeMap<>();
        duck.forEach("SELECT CAST(dominant_axis AS INTEGER), count(*) FROM " + userTaste + " WHERE dominant_axis > 0 GROUP BY 1 ORDER BY 1",
                rs -> usersByAxis.put(rs.getInt(1), rs.getLong(2)));
        return usersByAxis;
    }
}
