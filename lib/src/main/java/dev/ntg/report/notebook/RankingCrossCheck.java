package dev.ntg.report.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ntg.io.PathCatalog;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A cross-check, labelled as such, of the ranking report against the files a reader can open: NTG's hit rate, recall
 * and NDCG at the headline K recomputed in SQL from {@code candidates.parquet} (NTG's lists) and the split files, with
 * the window's eval users and relevant pairs. Agreement shows that candidates.parquet holds the lists the report
 * scored and that the protocol reads as stated; the notebook's figures still come from the report.
 */
public final class RankingCrossCheck {
    /** Relative tolerance: SQL sums in another order than the stage, so the last bits may differ. */
    static final double TOLERANCE = 1e-9;

    private RankingCrossCheck() {
    }

    /** One row per check: the report's value, the recomputed one, and whether they agree. */
    public static Table against(Artifacts art, String window) {
        JsonNode r = RankingEvalReport.ranking(art);
        JsonNode w = RankingEvalReport.window(r, window);
        int k = RankingEvalReport.headlineK(r);
        String sql = "WITH rel AS (" + RelevantPairs.sql(art, window) + "),"
                + " sizes AS (SELECT user_id, count(*) AS n_rel FROM rel GROUP BY user_id),"
                + " hits AS (SELECT c.user_id, c.rank FROM " + art.parquet(PathCatalog.RANKING_CANDIDATES) + " c JOIN rel USING (user_id, item_id)"
                + " WHERE c.rank <= " + k + "),"
                + " ideal AS (SELECT i AS m, sum(1.0 / log2(i + 1)) OVER (ORDER BY i) AS idcg FROM range(1, " + (k + 1) + ") t(i)),"
                + " per_user AS (SELECT s.user_id, s.n_rel, count(h.rank) AS hits, coalesce(sum(1.0 / log2(h.rank + 1)), 0) AS dcg"
                + " FROM sizes s LEFT JOIN hits h USING (user_id) GROUP BY s.user_id, s.n_rel)"
                + " SELECT (SELECT count(*) FROM sizes) AS users, (SELECT count(*) FROM rel) AS pairs,"
                + " (SELECT count(*) FROM rel ANTI JOIN (SELECT DISTINCT item_id FROM " + art.parquet(PathCatalog.TRAIN) + ") ti USING (item_id)) AS cold_pairs,"
                + " (SELECT avg(CASE WHEN hits > 0 THEN 1.0 ELSE 0.0 END) FROM per_user) AS hit_rate,"
                + " (SELECT avg(hits / n_rel) FROM per_user) AS recall,"
                + " (SELECT avg(dcg / idcg) FROM per_user JOIN ideal ON ideal.m = least(n_rel, " + k + ")) AS ndcg";
        Table got = art.query(sql, "recomputed");
        JsonNode counts = w.path("counts");
        JsonNode ntg = w.path("models").path("ntg").path("metrics");
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("eval users", counts.path("eval_users"), got.longColumn("users").get(0), true));
        rows.add(new Row("relevant pairs", counts.path("relevant_pairs"), got.longColumn("pairs").get(0), true));
        rows.add(new Row("relevant pairs on items absent from TRAIN", counts.path("relevant_pairs_on_cold_items"), got.longColumn("cold_pairs").get(0), true));
        rows.add(new Row("ntg hit_rate@" + k, ntg.path("hit_rate@" + k).path("estimate"), value(got, "hit_rate"), false));
        rows.add(new Row("ntg recall@" + k, ntg.path("recall@" + k).path("estimate"), value(got, "recall"), false));
        rows.add(new Row("ntg ndcg@" + k, ntg.path("ndcg@" + k).path("estimate"), value(got, "ndcg"), false));

        StringColumn check = StringColumn.create("check");
        StringColumn reported = StringColumn.create("ranking.json");
        StringColumn recomputed = StringColumn.create("recomputed (cross-check)");
        BooleanColumn agrees = BooleanColumn.create("agrees");
        for (Row row : rows) {
            check.append(row.name());
            reported.append(row.reported().isNumber() ? row.show(row.reported().asDouble()) : "n/a");
            recomputed.append(Double.isNaN(row.recomputed()) ? "n/a" : row.show(row.recomputed()));
            agrees.append(row.agrees());
        }
        return Table.create("cross-check on " + window.toUpperCase(Locale.ROOT) + ": ranking.json against candidates.parquet and the split files",
                check, reported, recomputed, agrees);
    }

    private static double value(Table t, String column) {
        return t.doubleColumn(column).isMissing(0) ? Double.NaN : t.doubleColumn(column).getDouble(0);
    }

    private record Row(String name, JsonNode reported, double recomputed, boolean count) {
        String show(double x) {
            return count ? String.valueOf(Math.round(x)) : String.format(Locale.ROOT, "%.6f", x);
        }

        boolean agrees() {
            if (!reported.isNumber() || Double.isNaN(recomputed)) return !reported.isNumber() && Double.isNaN(recomputed);
            double a = reported.asDouble();
            return Math.abs(a - recomputed) <= TOLERANCE * Math.max(1, Math.abs(a));
        }
    }

    /** One sentence on a {@link #against} table: all agree, or which checks do not. */
    public static String verdict(Table checks) {
        BooleanColumn agrees = checks.booleanColumn("agrees");
        int n = checks.rowCount();
        if (agrees.countTrue() == n) {
            return "All " + n + " agree: candidates.parquet holds the lists the report scored, and the eval users and relevant items are "
                    + "exactly those the protocol describes.";
        }
        List<String> off = new ArrayList<>();
        for (int i = 0; i < n; i++) if (!agrees.get(i)) off.add(checks.stringColumn("check").get(i));
        return (n - agrees.countTrue()) + " of " + n + " checks DISAGREE (" + String.join("; ", off) + "): the report and the files are"
                + " out of step (rerun `./ntg rank`) or the protocol is not what the report says.";
    }
}
