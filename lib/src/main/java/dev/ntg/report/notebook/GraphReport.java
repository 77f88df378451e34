package dev.ntg.report.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ntg.io.PathCatalog;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The item–item graph as notebook 02 shows it, from {@code graph_diagnostics.json}: what an edge means, size and
 * coverage, the pair funnel, the power-user cap, distributions, hubness, components and popularity bias. Every number
 * is the stage's own; {@link #sizeCheck} recounts a few of them from {@code item_edges.parquet} as a labelled
 * cross-check. Item-level tables (hubs, neighbours by title) are in {@link GraphNeighbours}.
 */
public final class GraphReport {
    /** How each measure turns co-occurrence counts c into a weight, in the words of its class's documentation. */
    private static final Map<String, String> MEASURES = Map.of(
            "count", "the co-occurrence count c(i,j) itself",
            "cosine", "cosine of the two items' user vectors, c(i,j) / √(c(i)·c(j))",
            "jaccard", "Jaccard overlap of the two user sets, c(i,j) / (c(i) + c(j) − c(i,j))",
            "lift", "lift, P(i,j) / (P(i)·P(j)): how much more often the pair co-occurs than under independence",
            "pmi", "pointwise mutual information, ln lift",
            "npmi", "normalised PMI, PMI / −ln P(i,j), in [−1, 1]",
            "llr", "Dunning's log-likelihood ratio G² of the 2×2 table (both, i only, j only, neither)",
            "conditional", "damped conditional probability P(j | i) = c(i,j) / (c(i) + damping)");

    private GraphReport() {
    }

    static JsonNode diagnostics(Artifacts art) {
        return art.report(PathCatalog.GRAPH_DIAGNOSTICS);
    }

    /** One paragraph: what an edge i → j is, from the settings the stage recorded. */
    public static String definition(Artifacts art) {
        return definition(diagnostics(art).path("settings"));
    }

    static String definition(JsonNode s) {
        String measure = s.path("measure").asText();
        boolean window = s.path("cooccurrence").asText().equals("window");
        String weighting = switch (s.path("weighting").asText()) {
            case "value" -> "weighted by the event's value";
            case "decay" -> "weighted by how recent the interaction is (exponential decay before the TRAIN cutoff)";
            default -> "counted once (binary)";
        };
        return String.format(Locale.ROOT, "An edge i → j says that users who interacted with item i also interacted with item j. Two items "
                        + "co-occur when one TRAIN user has both %s, each user %s%s; only each user's %d most recent items count (the "
                        + "power-user cap). The edge weight is %s. A pair needs at least %d co-occurring users, and each item keeps only "
                        + "its top_k = %d neighbours (ties: higher similarity, then smaller item id), so the graph is directed: j can be "
                        + "among i's neighbours without i being among j's.",
                window ? "within " + Formats.number(s.path("window_hours").asDouble()) + " hours of each other" : "anywhere in their history",
                weighting, s.path("user_downweight").asText().equals("inverse_log") ? ", and a user with n items weighs 1/ln(1+n)" : "",
                s.path("user_cap").asInt(), MEASURES.getOrDefault(measure, measure), s.path("min_support").asInt(), s.path("top_k").asInt());
    }

    /** The settings the graph was built with (graph_diagnostics.json → settings), each with what it does. */
    public static Table settings(Artifacts art) {
        JsonNode s = diagnostics(art).path("settings");
        boolean window = s.path("cooccurrence").asText().equals("window");
        StringColumn key = StringColumn.create("graph.* setting");
        StringColumn value = StringColumn.create("value");
        StringColumn meaning = StringColumn.create("what it does");
        add(key, value, meaning, "measure", s.path("measure").asText(), "how co-occurrence counts become an edge weight");
        add(key, value, meaning, "cooccurrence", s.path("cooccurrence").asText(), "whole history, or only within window_hours");
        add(key, value, meaning, "window_hours", s.path("window_hours").asText(), window ? "the co-occurrence window" : "not used (cooccurrence = whole)");
        add(key, value, meaning, "weighting", s.path("weighting").asText(), "what one user's interaction counts for");
        add(key, value, meaning, "user_downweight", s.path("user_downweight").asText(), "1/ln(1+n) weight for a user with n items, or none");
        add(key, value, meaning, "user_cap", s.path("user_cap").asText(), "most recent distinct items kept per user (power-user cap)");
        add(key, value, meaning, "min_support", s.path("min_support").asText(), "co-occurring users a pair needs to become an edge");
        add(key, value, meaning, "top_k", s.path("top_k").asText(), "neighbours kept per item");
        return Table.create("graph settings (graph_diagnostics.json)", key, value, meaning);
    }

    private static void add(StringColumn a, StringColumn b, StringColumn c, String x, String y, String z) {
        a.append(x);
        b.append(y);
        c.append(z);
    }

    /**
     * Cross-check of the size and coverage figures: each as graph_diagnostics.json reports it and as recounted from
     * {@code train.parquet} and {@code item_edges.parquet}, and whether the two agree.
     */
    public static Table sizeCheck(Artifacts art) {
        JsonNode d = diagnostics(art);
        String edges = art.parquet(PathCatalog.ITEM_EDGES);
        long nodes = art.duck().queryLong("SELECT count(DISTINCT item_id) FROM " + art.parquet(PathCatalog.TRAIN));
        long edgeRows = art.duck().queryLong("SELECT count(*) FROM " + edges);
        long sources = art.duck().queryLong("SELECT count(DISTINCT src) FROM " + edges);
        long targets = art.duck().queryLong("SELECT count(DISTINCT dst) FROM " + edges);
        long touched = art.duck().queryLong("SELECT count(*) FROM (SELECT src FROM " + edges + " UNION SELECT dst FROM " + edges + ")");
        long maxIn = art.duck().queryLong("SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM " + edges + " GROUP BY dst)");
        long maxOut = art.duck().queryLong("SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM " + edges + " GROUP BY src)");

        StringColumn what = StringColumn.create("quantity");
        LongColumn reported = LongColumn.create("graph_diagnostics.json");
        LongColumn recounted = LongColumn.create("recounted from the Parquet files");
        long reportedNodes = d.path("nodes").asLong();
        check(what, reported, recounted, "items in TRAIN (nodes)", reportedNodes, nodes);
        check(what, reported, recounted, "edges", d.path("edges").asLong(), edgeRows);
        check(what, reported, recounted, "items with at least one neighbour (coverage × nodes)",
                Math.round(d.path("coverage").asDouble() * reportedNodes), sources);
        check(what, reported, recounted, "items nobody lists as a neighbour (in-degree 0)", d.path("hubness").path("zero_in_degree").asLong(),
                nodes - targets);
        check(what, reported, recounted, "isolated items (no edge in or out)", d.path("components").path("isolated").asLong(), nodes - touched);
        check(what, reported, recounted, "largest in-degree", d.path("hubness").path("max_in_degree").asLong(), maxIn);
        check(what, reported, recounted, "largest out-degree", Math.round(d.path("out_degree").path("max").asDouble()), maxOut);
        BooleanColumn agrees = BooleanColumn.create("agrees");
        for (int i = 0; i < what.size(); i++) agrees.append(reported.get(i).equals(recounted.get(i)));
        return Table.create("graph size and coverage: the stage's figures, recounted (cross-check)", what, reported, recounted, agrees);
    }

    private static void check(StringColumn what, LongColumn reported, LongColumn recounted, String name, long r, long c) {
        what.append(name);
        reported.append(r);
        recounted.append(c);
    }

    /** One sentence on a {@link #sizeCheck} table. */
    public static String sizeVerdict(Table check) {
        long agreeing = check.booleanColumn("agrees").countTrue();
        if (agreeing == check.rowCount()) {
            return "All " + check.rowCount() + " figures agree: graph_diagnostics.json describes exactly the edges in item_edges.parquet.";
        }
        return (check.rowCount() - agreeing) + " of " + check.rowCount() + " figures disagree: the diagnostics and the edge file are "
                + "out of step (rerun `./ntg build-graph`).";
    }

    /** From every (user, item pair) occurrence counted to the edges kept: what min_support and top_k removed. */
    public static Table pairFunnel(Artifacts art) {
        JsonNode p = diagnostics(art).path("pairs");
        JsonNode s = diagnostics(art).path("settings");
        long distinct = p.path("distinct").asLong();
        StringColumn step = StringColumn.create("step");
        LongColumn pairs = LongColumn.create("ordered item pairs");
        DoubleColumn share = Formats.percent(DoubleColumn.create("of distinct pairs"), 2);
        funnel(step, pairs, share, "co-occurrences counted (one per user and ordered pair)", p.path("counted").asLong(), Double.NaN);
        funnel(step, pairs, share, "distinct ordered pairs", distinct, distinct);
        funnel(step, pairs, share, "dropped: fewer than min_support = " + s.path("min_support").asInt() + " users",
                p.path("below_min_support").asLong(), distinct);
        funnel(step, pairs, share, "dropped: outside the source's top_k = " + s.path("top_k").asInt(), p.path("pruned_by_top_k").asLong(), distinct);
        funnel(step, pairs, share, "kept as edges", p.path("kept").asLong(), distinct);
        return Table.create("from co-occurrences to edges (graph_diagnostics.json → pairs)", step, pairs, share);
    }

    private static void funnel(StringColumn step, LongColumn pairs, DoubleColumn share, String name, long n, double of) {
        step.append(name);
        pairs.append(n);
        share.append(Double.isNaN(of) || of == 0 ? Double.NaN : n / of);
    }

    /** What the power-user cap removed (graph_diagnostics.json → caps). */
    public static Table capEffect(Artifacts art) {
        JsonNode c = diagnostics(art).path("caps");
        long interactions = c.path("interactions_kept").asLong() + c.path("interactions_capped").asLong();
        long pairsBefore = diagnostics(art).path("pairs").path("counted").asLong() + c.path("pairs_removed_by_cap").asLong();
        StringColumn what = StringColumn.create("quantity");
        LongColumn value = LongColumn.create("count");
        DoubleColumn share = Formats.percent(DoubleColumn.create("share"), 1);
        StringColumn of = StringColumn.create("share of");
        capRow(what, value, share, of, "TRAIN events", c.path("train_events").asLong(), Double.NaN, "");
        capRow(what, value, share, of, "repeat events merged into one (user, item) interaction", c.path("repeat_events_merged").asLong(),
                c.path("train_events").asLong(), "TRAIN events");
        capRow(what, value, share, of, "users capped (more than user_cap items)", c.path("users_capped").asLong(), c.path("users").asLong(), "users");
        capRow(what, value, share, of, "interactions removed by the cap", c.path("interactions_capped").asLong(), interactions, "interactions");
        capRow(what, value, share, of, "ordered item pairs removed by the cap", c.path("pairs_removed_by_cap").asLong(), pairsBefore,
                "pairs without the cap");
        capRow(what, value, share, of, "largest history before the cap (items)", c.path("max_user_items_before_cap").asLong(), Double.NaN, "");
        return Table.create("the power-user cap (graph_diagnostics.json → caps)", what, value, share, of);
    }

    private static void capRow(StringColumn what, LongColumn value, DoubleColumn share, StringColumn of, String name, long n, double whole,
                               String wholeName) {
        what.append(name);
        value.append(n);
        share.append(Double.isNaN(whole) || whole == 0 ? Double.NaN : n / whole);
        of.append(wholeName);
    }

    /** One sentence on what the cap did and why it matters. */
    public static String capVerdict(Artifacts art) {
        JsonNode d = diagnostics(art);
        JsonNode c = d.path("caps");
        long removed = c.path("pairs_removed_by_cap").asLong();
        long before = d.path("pairs").path("counted").asLong() + removed;
        long interactions = c.path("interactions_kept").asLong() + c.path("interactions_capped").asLong();
        return String.format(Locale.ROOT, "The cap keeps each user's %d most recent items. It touched %d of %d users (%.1f%%) and %.1f%% of the "
                        + "interactions, yet removed %.1f%% of the item pairs: a history of n items yields n(n−1) ordered pairs, so without "
                        + "the cap the few heaviest users (up to %d items here) would dominate every co-occurrence count.",
                d.path("settings").path("user_cap").asInt(), c.path("users_capped").asLong(), c.path("users").asLong(),
                pct(c.path("users_capped").asLong(), c.path("users").asLong()), pct(c.path("interactions_capped").asLong(), interactions),
                pct(removed, before), c.path("max_user_items_before_cap").asLong());
    }

    private static double pct(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    /** Nearest-rank quantiles of out- and in-degree, similarity and co-occurrence, as the stage reported them. */
    public static Table distributions(Artifacts art) {
        JsonNode d = diagnostics(art);
        StringColumn what = StringColumn.create("quantity");
        List<String> stats = List.of("n", "min", "p25", "median", "p75", "p90", "p99", "max", "mean");
        DoubleColumn[] cols = stats.stream().map(s -> Formats.decimals(DoubleColumn.create(s), s.equals("n") ? 0 : 3)).toArray(DoubleColumn[]::new);
        for (String[] q : List.of(new String[]{"out_degree", "out-degree (neighbours listed)"}, new String[]{"in_degree", "in-degree (listed by)"},
                new String[]{"similarity", "similarity (" + d.path("settings").path("measure").asText() + ")"},
                new String[]{"cooccurrence", "co-occurrence (users)"})) {
            what.append(q[1]);
            for (int i = 0; i < stats.size(); i++) cols[i].append(d.path(q[0]).path(stats.get(i)).asDouble());
        }
        Table t = Table.create("distributions (graph_diagnostics.json; degrees over items, weights over edges)", what);
        for (DoubleColumn c : cols) t.addColumns(c);
        return t;
    }

    /** One sentence on hubness: how unevenly the in-degree is spread. */
    public static String hubness(Artifacts art) {
        JsonNode d = diagnostics(art);
        JsonNode h = d.path("hubness");
        long nodes = d.path("nodes").asLong();
        return String.format(Locale.ROOT, "Out-degree is capped at top_k = %d, but in-degree is not: its Gini coefficient is %.2f (0 = every item "
                        + "is listed equally often, 1 = one item is everyone's neighbour). The %d items with the highest in-degree (top 1%%) "
                        + "receive %.1f%% of all edges; the largest in-degree is %d, so %.0f%% of items list that one item. %d items are "
                        + "nobody's neighbour: item-kNN can never reach them from a user's history.",
                d.path("settings").path("top_k").asInt(), h.path("gini").asDouble(), h.path("top1_pct_items").asLong(),
                100 * h.path("top1_pct_edge_share").asDouble(), h.path("max_in_degree").asLong(), pct(h.path("max_in_degree").asLong(), nodes),
                h.path("zero_in_degree").asLong());
    }

    /** One sentence on neighbour popularity: do edges point towards blockbusters? */
    public static String popularityBias(Artifacts art) {
        JsonNode p = diagnostics(art).path("popularity_bias");
        double ratio = p.path("neighbour_to_source_rank_ratio").asDouble();
        return String.format(Locale.ROOT, "Popularity rank 1 is the item with the most TRAIN users. Sources have mean rank %.1f and %.1f TRAIN "
                        + "users; their neighbours (one per edge) have mean rank %.1f and %.1f users (ratio of ranks %.2f). %s",
                p.path("mean_source_rank").asDouble(), p.path("mean_source_popularity").asDouble(), p.path("mean_neighbour_rank").asDouble(),
                p.path("mean_neighbour_popularity").asDouble(), ratio,
                ratio < 1 ? "Edges lean towards popular items: recommending from the graph alone would concentrate exposure on the head."
                        : "Edges do not lean towards popular items.");
    }

    /** One sentence on the connected components of the kept edges, read as undirected. */
    public static String components(Artifacts art) {
        JsonNode d = diagnostics(art);
        JsonNode c = d.path("components");
        return String.format(Locale.ROOT, "Read as undirected, the edges form %d connected component%s: the largest holds %d of %d items (%.1f%%), "
                        + "and %d item%s no edge at all (isolated: too few co-occurring users to pass min_support = %d). %s",
                c.path("count").asLong(), c.path("count").asLong() == 1 ? "" : "s", c.path("largest").asLong(), d.path("nodes").asLong(),
                100 * c.path("largest_share").asDouble(), c.path("isolated").asLong(), c.path("isolated").asLong() == 1 ? " has" : "s have",
                d.path("settings").path("min_support").asInt(),
                c.path("count").asLong() - c.path("isolated").asLong() <= 1
                        ? "Apart from isolated items the graph is one piece, so a random walk (RP3beta) can reach any connected item."
                        : "Several non-trivial components: walks cannot cross between them.");
    }
}
