package dev.ntg.report.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ntg.io.PathCatalog;
import dev.ntg.io.Sql;
import dev.ntg.report.figures.TasteFigures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Locale;

/**
 * The taste axes as notebook 03 shows them: the axes with their genres and top items, cohesion on the item graph,
 * user diversity, stability under refits, recovery of the synthetic service's planted genres and the latent
 * embedding. Figures come from {@code taste_diagnostics.json} and the stage's Parquet outputs as written; nothing is
 * refitted. One user's profile is in {@link TasteProfile}.
 */
public final class TasteReport {
    private TasteReport() {
    }

    static JsonNode diagnostics(Artifacts art) {
        return art.report(PathCatalog.TASTE_DIAGNOSTICS);
    }

    /** One paragraph: how the axes were fitted and on what. */
    public static String method(Artifacts art) {
        JsonNode d = diagnostics(art);
        JsonNode s = d.path("settings");
        JsonNode data = d.path("data");
        return String.format(Locale.ROOT, "K = %d taste axes by %s. Fitted on %d TRAIN users × %d items (%d interactions); the %d items with at "
                        + "least %d users shape the axes, the others only receive loadings. A user's profile is the mean loading of their "
                        + "items, shrunk toward the population with %s pseudo-items.",
                s.path("k").asInt(), d.path("method").asText(), data.path("users").asLong(), data.path("items").asLong(),
                data.path("interactions").asLong(), data.path("items_shaping").asLong(), s.path("min_item_users").asInt(),
                Formats.number(s.path("smoothing").asDouble()));
    }

    /** Per axis: the genres over-represented among its items (with lift), its size, the users it dominates and its cohesion. */
    public static Table axes(Artifacts art) {
        Table t = art.query("SELECT axis, CASE WHEN len(genres) = 0 THEN '(none)' ELSE array_to_string(list_transform(genres,"
                + " lambda g, i: g || ' ×' || printf('%.2f', genre_lifts[i])), ', ') END AS \"over-represented genres (lift)\", size AS items,"
                + " user_share AS \"users (dominant axis)\", cohesion AS \"edge weight kept inside\" FROM " + art.parquet(PathCatalog.TASTE_AXES)
                + " ORDER BY axis", "taste axes (axes.parquet)");
        Formats.percent(t.doubleColumn("users (dominant axis)"), 1);
        Formats.percent(t.doubleColumn("edge weight kept inside"), 1);
        return t;
    }

    /**
     * Per axis: its {@code n} most representative items (the stage's order: loading × ln(1 + users)) with genres, and
     * how many of them carry one of the axis's over-represented genres.
     */
    public static Table topItems(Artifacts art, int n) {
        String sql = "WITH a AS (SELECT axis, genres AS axis_genres, unnest(top_items) AS item_id, generate_subscripts(top_items, 1) AS pos FROM "
                + art.parquet(PathCatalog.TASTE_AXES) + "), l AS (SELECT * FROM " + ItemLabels.relation(art) + ")"
                + " SELECT a.axis, string_agg(l.title || CASE WHEN l.genres = '' THEN '' ELSE ' [' || l.genres || ']' END, ' · ' ORDER BY a.pos)"
                + " AS \"top items [genres]\", CASE WHEN len(first(a.axis_genres)) = 0 THEN 'no genres'"
                + " ELSE count(*) FILTER (WHERE list_has_any(l.genre_list, a.axis_genres)) || ' of ' || count(*) END AS \"in the axis's genres\""
                + " FROM a JOIN l USING (item_id) WHERE a.pos <= " + Math.max(n, 1) + " GROUP BY a.axis ORDER BY a.axis";
        return art.query(sql, "top items per axis");
    }

    /** One sentence on cohesion: do the axes follow the item graph? */
    public static String cohesion(Artifacts art) {
        JsonNode c = diagnostics(art).path("cohesion");
        double within = c.path("within_axis_share").asDouble();
        double random = c.path("expected_if_random").asDouble();
        return String.format(Locale.ROOT, "%.1f%% of the item graph's edge weight (%d edges from build-graph) joins two items of the same axis, "
                        + "against %.1f%% expected if items were assigned to axes at random with the same sizes (%.1f×): %s",
                100 * within, c.path("edges").asLong(), 100 * random, random > 0 ? within / random : Double.NaN,
                within > random ? "the axes, fitted on the user×item matrix, agree with the separately built co-occurrence graph."
                        : "the axes do not follow the co-occurrence graph; read them with care.");
    }

    /**
     * Diversity quantiles for users whose own items outweigh the smoothing prior and for the rest (the grouping of
     * {@link TasteCharts#diversity}).
     */
    public static Table diversity(Artifacts art) {
        double smoothing = diagnostics(art).path("settings").path("smoothing").asDouble();
        List<String> groups = TasteFigures.diversityGroups(smoothing);
        Table t = art.query("SELECT CASE WHEN " + ownItemsOutweighPrior(smoothing) + " THEN " + Sql.literal(groups.get(0))
                + " ELSE " + Sql.literal(groups.get(1))
                + " END AS \"users\", count(*) AS \"count\", quantile_disc(diversity, 0.1) AS p10, quantile_disc(diversity, 0.5) AS median,"
                + " quantile_disc(diversity, 0.9) AS p90, min(items) AS \"fewest items\", max(items) AS \"most items\" FROM "
                + art.parquet(PathCatalog.USER_TASTE) + " GROUP BY 1 ORDER BY min(items) DESC", "user diversity (user_taste.parquet)");
        for (String q : new String[]{"p10", "median", "p90"}) Formats.decimals(t.doubleColumn(q), 3);
        return t;
    }

    /** SQL over user_taste.parquet: the user's own items outweigh the {@code smoothing} pseudo-items of the prior. */
    static String ownItemsOutweighPrior(double smoothing) {
        return "items > " + Sql.literal(Double.toString(smoothing)) + "::DOUBLE";
    }

    /** Every refit the stability check made: user-bootstrap resamples and the fit on the early part of TRAIN. */
    public static Table stability(Artifacts art) {
        JsonNode st = diagnostics(art).path("stability");
        double early = diagnostics(art).path("settings").path("early_fraction").asDouble();
        StringColumn kind = StringColumn.create("refit");
        IntColumn index = IntColumn.create("#");
        LongColumn items = LongColumn.create("items compared");
        DoubleColumn ari = Formats.decimals(DoubleColumn.create("ARI"), 3);
        DoubleColumn overlap = Formats.decimals(DoubleColumn.create("matched overlap"), 3);
        for (JsonNode r : st.path("resamples")) {
            kind.append(r.path("kind").asText().equals("early")
                    ? String.format(Locale.ROOT, "first %.0f%% of TRAIN (by time)", 100 * early) : "bootstrap of TRAIN users");
            index.append(r.path("index").asInt());
            items.append(r.path("items").asLong());
            ari.append(r.path("ari").asDouble());
            overlap.append(r.path("matched_overlap").asDouble());
        }
        return Table.create("stability: each refit against the full fit (taste_diagnostics.json → stability)", kind, index, items, ari, overlap);
    }

    /** One sentence on stability: the stage's mean agreement of refits with the full fit. */
    public static String stabilityVerdict(Artifacts art) {
        JsonNode st = diagnostics(art).path("stability");
        if (st.path("bootstrap_mean_ari").isNull() && st.path("early_ari").isNull()) {
            return "No stability refits in this run (taste.bootstrap = 0 and taste.early_fraction = 0).";
        }
        StringBuilder b = new StringBuilder("Adjusted Rand index compares each refit's item→axis assignment with the full fit (1 = identical, "
                + "0 = chance); matched overlap is the share of items on the same axis after matching axes one to one.");
        if (!st.path("bootstrap_mean_ari").isNull()) {
            double a = st.path("bootstrap_mean_ari").asDouble();
            b.append(String.format(Locale.ROOT, " Bootstrap refits: mean ARI %.2f, overlap %.2f: %s.", a, st.path("bootstrap_mean_overlap").asDouble(),
                    a >= 0.6 ? "stable enough to name the axes" : "read the axis names as tentative"));
        }
        if (!st.path("early_ari").isNull()) {
            b.append(String.format(Locale.ROOT, " Fit on the earlier part of TRAIN: ARI %.2f, overlap %.2f, so the axes %s over time.",
                    st.path("early_ari").asDouble(), st.path("early_overlap").asDouble(), st.path("early_ari").asDouble() >= 0.6 ? "persist" : "drift"));
        }
        return b.toString();
    }

    /** Planted-genre recovery on all items and on the items with a clear planted genre, side by side (synthetic data only). */
    public static Table recovery(Artifacts art) {
        JsonNode r = diagnostics(art).path("recovery");
        StringColumn scope = StringColumn.create("items scored");
        LongColumn items = LongColumn.create("items");
        DoubleColumn nmi = Formats.decimals(DoubleColumn.create("NMI (dominant axis vs planted genre)"), 3);
        if (r.isObject()) {
            scope.append("all TRAIN items");
            items.append(r.path("items").asLong());
            nmi.append(r.path("nmi").asDouble());
            scope.append("items with a clear planted genre (weight ≥ 0.5)");
            items.append(r.path("clear_items").asLong());
            nmi.append(r.path("clear_nmi").asDouble());
        }
        return Table.create(r.isObject() ? "recovery of the planted genres (taste_diagnostics.json → recovery)"
                : "recovery: no planted truth in this run (the source is not synthetic)", scope, items, nmi);
    }

    /** One sentence on recovery: NMI on both item sets, ARI and the user-side correlations. */
    public static String recoveryVerdict(Artifacts art) {
        JsonNode r = diagnostics(art).path("recovery");
        if (!r.isObject()) return "This run's source has no planted truth, so recovery cannot be measured; stability above is the evidence.";
        return String.format(Locale.ROOT, "Items: NMI %.2f on all %d items and %.2f on the %d with a clear planted genre (ARI on all items %.2f). "
                        + "Items with a flat planted mixture have no true dominant genre, so the clear-genre figure is the fairer test of the "
                        + "axes. Users: the mean over genres of the correlation between a user's score on the genre's matched axis and their "
                        + "planted taste is %.2f (best axis per genre: %.2f).",
                r.path("nmi").asDouble(), r.path("items").asLong(), r.path("clear_nmi").asDouble(), r.path("clear_items").asLong(),
                r.path("ari").asDouble(), r.path("mean_matched_correlation").asDouble(), r.path("mean_best_correlation").asDouble());
    }

    /** Per planted genre: its matched axis, the share of its items there, and how well users' scores track the planted taste. */
    public static Table genreRecovery(Artifacts art) {
        JsonNode r = diagnostics(art).path("recovery");
        StringColumn genre = StringColumn.create("planted genre");
        LongColumn items = LongColumn.create("items");
        IntColumn axis = IntColumn.create("matched axis");
        DoubleColumn share = Formats.percent(DoubleColumn.create("of its items on that axis"), 1);
        DoubleColumn corr = Formats.decimals(DoubleColumn.create("r(user score, planted taste)"), 3);
        IntColumn best = IntColumn.create("best axis");
        DoubleColumn bestCorr = Formats.decimals(DoubleColumn.create("r on best axis"), 3);
        for (JsonNode g : r.path("genres")) {
            genre.append(g.path("genre").asText());
            items.append(g.path("items").asLong());
            axis.append(g.path("axis").asInt());
            share.append(g.path("item_share").asDouble());
            corr.append(g.path("correlation").asDouble());
            best.append(g.path("best_axis").asInt());
            bestCorr.append(g.path("best_correlation").asDouble());
        }
        return Table.create(r.isObject() ? "recovery per planted genre" : "recovery per planted genre: no planted truth in this run",
                genre, items, axis, share, corr, best, bestCorr).sortOn("matched axis", "planted genre");
    }

    /** One sentence on the latent embedding. */
    public static String embedding(Artifacts art) {
        JsonNode e = diagnostics(art).path("embeddings");
        if (!e.isObject()) return "No latent embedding in this run (taste.embeddings = false).";
        JsonNode sv = e.path("singular_values");
        return String.format(Locale.ROOT, "outputs/embeddings/ holds a rank-%d truncated SVD of the %s TRAIN matrix (user = UΣ^½, item = VΣ^½). "
                        + "It explains %.1f%% of the matrix's variance; the first singular value (%.1f) is %.1f× the second (the leading "
                        + "direction is typically overall activity), and the last kept one is %.1f.",
                e.path("rank").asInt(), e.path("weighting").asText(), 100 * e.path("explained_variance").asDouble(), sv.path(0).asDouble(),
                sv.size() > 1 && sv.path(1).asDouble() > 0 ? sv.path(0).asDouble() / sv.path(1).asDouble() : Double.NaN,
                sv.path(sv.size() - 1).asDouble());
    }
}
