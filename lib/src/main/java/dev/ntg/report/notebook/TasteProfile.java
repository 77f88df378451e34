package dev.ntg.report.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ntg.NtgException;
import dev.ntg.io.PathCatalog;
import dev.ntg.io.Sql;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One user's taste profile as notebook 03 shows it: the profile from {@code user_taste.parquet} against the mean
 * over users, the TRAIN items behind it, and, on the synthetic service, the planted taste it should reflect.
 */
public final class TasteProfile {
    private TasteProfile() {
    }

    /**
     * A typical user to look at: among users whose own items outweigh the smoothing prior, the one at the (lower)
     * median of diversity (ties: smaller user id); any user when none does.
     */
    public static String exampleUser(Artifacts art) {
        double smoothing = TasteReport.diagnostics(art).path("settings").path("smoothing").asDouble();
        String users = art.parquet(PathCatalog.USER_TASTE);
        String pick = "SELECT user_id FROM (SELECT user_id, row_number() OVER (ORDER BY diversity, user_id) AS pos, count(*) OVER () AS n FROM "
                + users + " WHERE %s) WHERE pos = (n + 1) // 2";
        List<String> found = art.duck().query(String.format(Locale.ROOT, pick, TasteReport.ownItemsOutweighPrior(smoothing)), rs -> rs.getString(1));
        if (found.isEmpty()) found = art.duck().query(String.format(Locale.ROOT, pick, "true"), rs -> rs.getString(1));
        if (found.isEmpty()) throw new NtgException(PathCatalog.USER_TASTE.relativePath() + " has no users: rerun `./ntg build-taste`");
        return found.get(0);
    }

    /** One sentence: who the user is, their dominant axis and diversity, and how much of the profile is the prior. */
    public static String summary(Artifacts art, String user) {
        JsonNode d = TasteReport.diagnostics(art);
        double smoothing = d.path("settings").path("smoothing").asDouble();
        Profile p = profile(art, user);
        return String.format(Locale.ROOT, "User %s: %d TRAIN items (%d events). Dominant axis %d (%s), diversity %.3f. The profile is (sum of the "
                        + "item loadings + %s × the population's mean loading) / (%d + %s), so the prior makes up %.0f%% of it.",
                user, p.items(), p.events(), p.dominantAxis(), axisGenres(d, p.dominantAxis()), p.diversity(), Formats.number(smoothing),
                p.items(), Formats.number(smoothing), 100 * smoothing / (p.items() + smoothing));
    }

    /** The user's score on each axis next to the mean score over all users. */
    public static Table scores(Artifacts art, String user) {
        profile(art, user); // an unknown user fails here, with the message, rather than as an empty column

        String users = art.parquet(PathCatalog.USER_TASTE);
        Table t = art.query("WITH s AS (SELECT user_id, unnest(scores) AS score, generate_subscripts(scores, 1) AS axis FROM " + users + ")"
                + " SELECT s.axis, CASE WHEN len(a.genres) = 0 THEN a.label ELSE array_to_string(a.genres, ', ') END AS name,"
                + " max(s.score) FILTER (WHERE s.user_id = " + Sql.literal(user) + ") AS \"this user\","
                + " avg(s.score) AS \"mean over users\" FROM s JOIN " + art.parquet(PathCatalog.TASTE_AXES) + " a USING (axis)"
                + " GROUP BY s.axis, name ORDER BY s.axis", "taste profile of user " + user);
        DoubleColumn ratio = DoubleColumn.create("× mean");
        for (int i = 0; i < t.rowCount(); i++) {
            double mean = t.doubleColumn("mean over users").get(i);
            ratio.append(mean > 0 ? t.doubleColumn("this user").get(i) / mean : Double.NaN);
        }
        t.addColumns(Formats.decimals(ratio, 2));
        Formats.decimals(t.doubleColumn("this user"), 3);
        Formats.decimals(t.doubleColumn("mean over users"), 3);
        return t;
    }

    /** The user's {@code n} most watched TRAIN items (ties: latest first, then item id), each with its own dominant axis. */
    public static Table items(Artifacts art, String user, int n) {
        int axis = profile(art, user).dominantAxis();
        Table t = art.query("SELECT l.title, l.genres, h.events, h.last_event AS \"last event\", x.dominant_axis AS \"item's axis\","
                + " x.loadings[" + axis + "] AS \"loading on axis " + axis + "\" FROM (SELECT item_id, count(*) AS events, max(ts) AS last_event FROM "
                + art.parquet(PathCatalog.TRAIN) + " WHERE user_id = " + Sql.literal(user) + " GROUP BY item_id) h JOIN "
                + ItemLabels.relation(art) + " l USING (item_id) JOIN " + art.parquet(PathCatalog.ITEM_AXES) + " x USING (item_id)"
                + " ORDER BY h.events DESC, h.last_event DESC, h.item_id LIMIT " + Math.max(n, 0), "TRAIN items of user " + user);
        Formats.decimals(t.doubleColumn("loading on axis " + axis), 3);
        return t;
    }

    /**
     * On the synthetic service: the user's planted taste per genre (from the generator's truth) next to their score
     * on the genre's matched axis, strongest planted genre first. Empty when the run has no planted truth.
     */
    public static Table plantedTaste(Artifacts art, String user) {
        JsonNode r = TasteReport.diagnostics(art).path("recovery");
        StringColumn genre = StringColumn.create("planted genre");
        DoubleColumn planted = Formats.decimals(DoubleColumn.create("planted taste"), 3);
        IntColumn axis = IntColumn.create("matched axis");
        DoubleColumn score = Formats.decimals(DoubleColumn.create("user's score on it"), 3);
        if (r.isObject()) {
            double[] scores = profile(art, user).scores();
            StringBuilder cols = new StringBuilder();
            for (JsonNode g : r.path("genres")) cols.append(", ").append(Sql.ident("taste_" + g.path("genre").asText()));
            Table truth = art.query("SELECT" + cols.substring(1) + " FROM " + art.parquet(PathCatalog.TRUTH_USERS)
                    + " WHERE CAST(user_id AS VARCHAR) = " + Sql.literal(user), "truth");
            if (truth.rowCount() == 1) {
                for (JsonNode g : r.path("genres")) {
                    genre.append(g.path("genre").asText());
                    planted.append(truth.numberColumn("taste_" + g.path("genre").asText()).getDouble(0));
                    axis.append(g.path("axis").asInt());
                    int a = g.path("axis").asInt();
                    score.append(a <= scores.length ? scores[a - 1] : Double.NaN);
                }
            }
        }
        Table t = Table.create(r.isObject() ? "planted taste of user " + user + " (synthetic truth) and the matched axes"
                : "planted taste: no planted truth in this run", genre, planted, axis, score);
        return t.sortDescendingOn("planted taste");
    }

    /** A user's row of user_taste.parquet ({@code dominantAxis} 1-based, {@code scores} by axis). */
    record Profile(int dominantAxis, double[] scores, double diversity, long items, long events) {
    }

    /** The user's row of user_taste.parquet; an unknown user is an error that says where profiles come from. */
    static Profile profile(Artifacts art, String user) {
        List<Profile> rows = art.duck().query("SELECT dominant_axis, scores, diversity, items, events FROM " + art.parquet(PathCatalog.USER_TASTE)
                + " WHERE user_id = " + Sql.literal(user), rs -> {
            Object[] s = (Object[]) rs.getArray(2).getArray();
            double[] scores = new double[s.length];
            for (int a = 0; a < s.length; a++) scores[a] = ((Number) s[a]).doubleValue();
            return new Profile(rs.getInt(1), scores, rs.getDouble(3), rs.getLong(4), rs.getLong(5));
        });
        if (rows.size() != 1) {
            throw new NtgException("user " + user + " has no taste profile in " + PathCatalog.USER_TASTE.relativePath()
                    + ": profiles exist only for users with TRAIN events (try TasteProfile.exampleUser(art))");
        }
        return rows.get(0);
    }

    private static String axisGenres(JsonNode diagnostics, int axis) {
        for (JsonNode a : diagnostics.path("axes")) {
            if (a.path("axis").asInt() == axis) {
                List<String> genres = new ArrayList<>();
                a.path("genres").forEach(g -> genres.add(g.asText()));
                return genres.isEmpty() ? "no over-represented genre" : String.join(", ", genres);
            }
        }
        return "?";
    }
}
