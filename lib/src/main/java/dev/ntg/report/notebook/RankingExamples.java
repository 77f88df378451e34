package dev.ntg.report.notebook;

import dev.ntg.io.PathCatalog;
import dev.ntg.io.Sql;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A few TEST eval users to look at (notebook 05): each user's most recent TRAIN events and NTG's top K for them from
 * {@code candidates.parquet}, with titles, the stage's explanation, and which recommendations the user then consumed in
 * TEST. The users are picked by TRAIN activity, spread from light to heavy, so the pick is the same on every run of the
 * same data and needs no hand-chosen ids.
 */
public final class RankingExamples {
    private static final String WINDOW = "test";
    private final Artifacts art;
    private final List<String> users;
    private final List<Integer> percentiles;
    private final int k;

    private RankingExamples(Artifacts art, List<String> users, List<Integer> percentiles, int k) {
        this.art = art;
        this.users = users;
        this.percentiles = percentiles;
        this.k = k;
    }

    /**
     * {@code n} TEST eval users spread over TRAIN activity: the eval users sorted by TRAIN events (then id) are cut into
     * {@code n} equal slices and the middle user of each slice is taken (for 3: near the 17th, 50th and 83rd percentile);
     * all of them when there are no more than {@code n}.
     */
    public static RankingExamples pick(Artifacts art, int n) {
        if (n < 1) throw new IllegalArgumentException("pick at least one example user, got " + n);
        Table eval = art.query("SELECT user_id, count(*) AS events FROM " + art.parquet(PathCatalog.TRAIN)
                + " SEMI JOIN (" + RelevantPairs.sql(art, WINDOW) + ") rel USING (user_id) GROUP BY user_id ORDER BY events, user_id", "eval users");
        int size = eval.rowCount();
        int picks = Math.min(n, size);
        List<String> users = new ArrayList<>();
        List<Integer> percentiles = new ArrayList<>();
        for (int i = 0; i < picks; i++) {
            int pos = (int) ((2L * i + 1) * size / (2L * picks));
            users.add(eval.stringColumn("user_id").get(pos));
            percentiles.add((int) Math.round(100.0 * (pos + 0.5) / size));
        }
        return new RankingExamples(art, List.copyOf(users), List.copyOf(percentiles), RankingEvalReport.headlineK(RankingEvalReport.ranking(art)));
    }

    /** The picked user ids, lightest first. */
    public List<String> users() {
        return users;
    }

    /** One row per example: TRAIN activity, TEST relevant items (and how many are absent from TRAIN), hits in NTG's top K. */
    public Table summary() {
        if (users.isEmpty()) return Table.create("example users: none (TEST has no eval users)");
        String ids = String.join(", ", users.stream().map(Sql::literal).toList());
        Table t = art.query("WITH rel AS (" + RelevantPairs.sql(art, WINDOW) + " WHERE w.user_id IN (" + ids + ")),"
                + " hist AS (SELECT user_id, count(*) AS events, count(DISTINCT item_id) AS items, max(ts) AS last_event FROM "
                + art.parquet(PathCatalog.TRAIN) + " WHERE user_id IN (" + ids + ") GROUP BY user_id),"
                + " cold AS (SELECT user_id, count(*) AS n FROM rel ANTI JOIN (SELECT DISTINCT item_id FROM " + art.parquet(PathCatalog.TRAIN)
                + ") ti USING (item_id) GROUP BY user_id),"
                + " hits AS (SELECT user_id, count(*) AS n FROM " + art.parquet(PathCatalog.RANKING_CANDIDATES) + " c JOIN rel USING (user_id, item_id)"
                + " WHERE c.rank <= " + k + " GROUP BY user_id)"
                + " SELECT h.user_id, h.events AS \"TRAIN events\", h.items AS \"TRAIN items\", h.last_event AS \"last TRAIN event\","
                + " (SELECT count(*) FROM rel WHERE rel.user_id = h.user_id) AS \"TEST items new to the user\","
                + " coalesce(cold.n, 0) AS \"of which absent from TRAIN\", coalesce(hits.n, 0) AS \"hits in NTG top " + k + "\""
                + " FROM hist h LEFT JOIN cold USING (user_id) LEFT JOIN hits USING (user_id) ORDER BY h.events, h.user_id",
                "example TEST eval users, light to heavy");
        IntColumn percentile = IntColumn.create("TRAIN activity percentile");
        for (Row row : t) percentile.append(percentiles.get(users.indexOf(row.getString("user_id"))));
        return t.insertColumn(1, percentile);
    }

    /** The user's {@code last} most recent TRAIN events, newest first, with titles and genres. */
    public Table history(int example, int last) {
        String user = user(example);
        return art.query("SELECT e.ts, e.item_id, m.title, m.genres FROM " + art.parquet(PathCatalog.TRAIN) + " e LEFT JOIN "
                + art.parquet(PathCatalog.ITEMS) + " m USING (item_id) WHERE e.user_id = " + Sql.literal(user)
                + " ORDER BY e.ts DESC, e.item_id LIMIT " + last, "user " + user + ": last " + last + " TRAIN events, newest first");
    }

    /** NTG's top K for the user (candidates.parquet) with title, score and the stage's explanation, and whether TEST hit it. */
    public Table recommendations(int example) {
        String user = user(example);
        return art.query("SELECT c.rank, c.item_id, m.title, m.genres, printf('%.4f', c.score) AS score, c.explanation,"
                + " rel.item_id IS NOT NULL AS \"consumed in TEST\" FROM " + art.parquet(PathCatalog.RANKING_CANDIDATES) + " c LEFT JOIN "
                + art.parquet(PathCatalog.ITEMS) + " m USING (item_id) LEFT JOIN (" + RelevantPairs.sql(art, WINDOW) + ") rel USING (user_id, item_id)"
                + " WHERE c.user_id = " + Sql.literal(user) + " AND c.rank <= " + k + " ORDER BY c.rank",
                String.format(Locale.ROOT, "user %s: NTG's top %d (outputs/ranking/candidates.parquet) against TEST", user, k));
    }

    private String user(int example) {
        if (example < 0 || example >= users.size()) {
            throw new IllegalArgumentException("example " + example + " does not exist: there are " + users.size() + " (0 to " + (users.size() - 1) + ")");
        }
        return users.get(example);
    }
}
