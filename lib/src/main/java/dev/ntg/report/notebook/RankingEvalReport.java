package dev.ntg.report.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ntg.io.PathCatalog;
import dev.ntg.report.figures.RankingFigures;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The ranking evaluation as stage {@code rank} reported it (notebook 05): the protocol, who was evaluated in each
 * window, NTG against every baseline with the report's bootstrap and paired intervals, VAL against TEST, and coverage,
 * novelty and popularity bias ({@link RankingSegments} has the user and item segments). Every number is read from {@code outputs/reports/ranking.json}
 * (checked against its schema); nothing is recomputed, so the notebook cannot disagree with the report.
 */
public final class RankingEvalReport {
    /** The evaluation windows of the report. */
    public static final List<String> WINDOWS = List.of("val", "test");
    private static final List<String> PROTOCOL_KEYS = List.of("eval_users", "relevant_items", "history", "candidate_pool", "ntg",
            "tuning", "ties", "metrics", "intervals", "segments");
    private static final List<String> FAMILIES = List.of("ndcg", "recall", "precision", "map", "hit_rate");
    /** The window counts in reading order, each with what it means. */
    private static final List<Count> COUNTS = List.of(
            new Count("window_events", "events in the window"),
            new Count("window_users", "distinct users in the window"),
            new Count("window_items", "distinct items in the window"),
            new Count("eval_users", "evaluated: a TRAIN history and >= 1 window item new to them"),
            new Count("train_users_only_repeating", "TRAIN users who only re-consumed TRAIN items (not evaluated)"),
            new Count("cold_users", "users absent from TRAIN (no history to rank from: not evaluated)"),
            new Count("cold_user_events", "their events"),
            new Count("cold_items", "items absent from TRAIN (no model can recommend them)"),
            new Count("cold_item_events", "their events"),
            new Count("relevant_pairs", "relevant (eval user, new item) pairs"),
            new Count("relevant_pairs_on_cold_items", "of which on items absent from TRAIN: misses for every model"));

    private record Count(String key, String meaning) {
    }

    private RankingEvalReport() {
    }

    static JsonNode ranking(Artifacts art) {
        return art.report(PathCatalog.RANKING_REPORT);
    }

    static JsonNode window(JsonNode ranking, String window) {
        if (!WINDOWS.contains(window)) throw new IllegalArgumentException("window must be one of " + WINDOWS + ", got '" + window + "'");
        return ranking.path("windows").path(window);
    }

    /** The metric the report leads with and the blend was tuned on, e.g. {@code ndcg@10}. */
    static String headline(JsonNode ranking) {
        return RankingFigures.headlineMetric(ranking);
    }

    /** The K of the headline metric. */
    static int headlineK(JsonNode ranking) {
        String h = headline(ranking);
        return Integer.parseInt(h.substring(h.indexOf('@') + 1));
    }

    /** The models of a window, NTG first (none when the window has no eval users). */
    static List<String> models(JsonNode ranking, String window) {
        window(ranking, window);
        return RankingFigures.models(ranking, window);
    }

    /** A table title for one window; when the window had no eval users its tables are empty and the title says why. */
    static String title(JsonNode ranking, String window, String what) {
        JsonNode w = window(ranking, window);
        String t = window.toUpperCase(Locale.ROOT) + ": " + what;
        return "ok".equals(w.path("status").asText()) ? t : t + " (no rows: " + w.path("message").asText(w.path("status").asText()) + ")";
    }

    /** The protocol, one line per rule, in the stage's own words. */
    public static String protocol(Artifacts art) {
        JsonNode p = ranking(art).path("protocol");
        StringBuilder b = new StringBuilder("The evaluation protocol, as stage rank recorded it in outputs/reports/ranking.json:");
        for (String k : PROTOCOL_KEYS) {
            if (p.has(k)) b.append("\n- ").append(k.replace('_', ' ')).append(": ").append(p.get(k).asText());
        }
        b.append("\n- cut-offs: K in ").append(p.path("ks")).append(", lists of ").append(p.path("top_n").asInt()).append(" items");
        return b.toString();
    }

    /** What each model is, NTG first, and which models the run skipped and why. */
    public static String models(Artifacts art) {
        JsonNode p = ranking(art).path("protocol");
        StringBuilder b = new StringBuilder("The models (every one fitted on TRAIN only):");
        JsonNode models = p.path("models");
        if (models.has("ntg")) b.append("\n- ntg: ").append(models.get("ntg").asText());
        models.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("ntg")) b.append("\n- ").append(e.getKey()).append(": ").append(e.getValue().asText());
        });
        p.path("skipped_models").fields().forEachRemaining(e -> b.append("\n- not run: ").append(e.getKey()).append(": ").append(e.getValue().asText()));
        return b.toString();
    }

    /** Per window: its events, users and items, who was evaluated, and the cold start the protocol counts but cannot score. */
    public static Table windowCounts(Artifacts art) {
        JsonNode r = ranking(art);
        StringColumn count = StringColumn.create("count");
        LongColumn val = LongColumn.create("val");
        LongColumn test = LongColumn.create("test");
        StringColumn meaning = StringColumn.create("meaning");
        for (Count c : COUNTS) {
            JsonNode v = window(r, "val").path("counts").path(c.key());
            JsonNode t = window(r, "test").path("counts").path(c.key());
            if (!v.isNumber() && !t.isNumber()) continue;
            count.append(c.key());
            Formats.append(val, v);
            Formats.append(test, t);
            meaning.append(c.meaning());
        }
        return Table.create("who and what each window holds", count, val, test, meaning);
    }

    /** Per window, one sentence on what the protocol leaves out: users without TRAIN history, relevant items absent from TRAIN. */
    public static String coldStart(Artifacts art) {
        JsonNode r = ranking(art);
        StringBuilder b = new StringBuilder();
        for (String w : WINDOWS) {
            JsonNode c = window(r, w).path("counts");
            long users = c.path("window_users").asLong(), cold = c.path("cold_users").asLong();
            long pairs = c.path("relevant_pairs").asLong(), coldPairs = c.path("relevant_pairs_on_cold_items").asLong();
            if (b.length() > 0) b.append('\n');
            b.append(w.toUpperCase(Locale.ROOT)).append(": ").append(cold).append(" of ").append(users).append(" window users (")
                    .append(Formats.pct(cold, users)).append(") have no TRAIN event and are counted, not evaluated; ")
                    .append(c.path("train_users_only_repeating").asLong()).append(" TRAIN user(s) only re-consumed items they had. Of the ")
                    .append(pairs).append(" relevant pairs of the ").append(c.path("eval_users").asLong()).append(" eval users, ").append(coldPairs)
                    .append(" (").append(Formats.pct(coldPairs, pairs)).append(") are on the ").append(c.path("cold_items").asLong())
                    .append(" items absent from TRAIN: no model can retrieve them, so they are misses for all models alike.");
        }
        return b.toString();
    }

    /** Every model's accuracy at the headline K (and MRR) on one window: estimate [bootstrap interval over users]. */
    public static Table metrics(Artifacts art, String window) {
        JsonNode r = ranking(art);
        int k = headlineK(r);
        List<String> names = new ArrayList<>();
        for (String f : FAMILIES) names.add(f + "@" + k);
        names.add("mrr");
        StringColumn model = StringColumn.create("model");
        List<StringColumn> cols = new ArrayList<>();
        for (String n : names) cols.add(StringColumn.create(n));
        for (String m : models(r, window)) {
            model.append(m);
            JsonNode metrics = window(r, window).path("models").path(m).path("metrics");
            for (int i = 0; i < names.size(); i++) cols.get(i).append(Formats.interval(metrics.get(names.get(i)), false));
        }
        Table t = Table.create(title(r, window, "accuracy at K=" + k + " per model, estimate [bootstrap interval over users]"), model);
        cols.forEach(t::addColumns);
        return t;
    }

    /** One model's accuracy at every K of the report, one row per metric. */
    public static Table metricsByK(Artifacts art, String window, String model) {
        JsonNode r = ranking(art);
        JsonNode metrics = window(r, window).path("models").path(model).path("metrics");
        StringColumn metric = StringColumn.create("metric");
        List<StringColumn> cols = new ArrayList<>();
        List<Integer> ks = new ArrayList<>();
        r.path("protocol").path("ks").forEach(k -> ks.add(k.asInt()));
        for (int k : ks) cols.add(StringColumn.create("@" + k));
        if (!metrics.isMissingNode()) {
            for (String f : FAMILIES) {
                metric.append(f);
                for (int i = 0; i < ks.size(); i++) cols.get(i).append(Formats.interval(metrics.get(f + "@" + ks.get(i)), false));
            }
        }
        Table t = Table.create(title(r, window, model + " at every K, estimate [bootstrap interval]"), metric);
        cols.forEach(t::addColumns);
        return t;
    }

    /**
     * NTG minus each baseline on the same users (the report's paired bootstrap intervals), for the headline metric,
     * recall and hit rate at its K, with the report's own verdict on the headline: the interval lies above zero.
     */
    public static Table paired(Artifacts art, String window) {
        JsonNode r = ranking(art);
        String head = headline(r);
        int k = headlineK(r);
        List<String> names = List.of(head, "recall@" + k, "hit_rate@" + k);
        JsonNode beats = r.path("summary").path(window).path("ntg_beats_baseline_significantly");
        StringColumn baseline = StringColumn.create("baseline");
        List<StringColumn> cols = new ArrayList<>();
        for (String n : names) cols.add(StringColumn.create("NTG − baseline: " + n));
        BooleanColumn significant = BooleanColumn.create("NTG better on " + head + " (interval > 0)");
        JsonNode paired = window(r, window).path("paired_vs_ntg");
        for (String m : models(r, window)) {
            if (m.equals("ntg")) continue;
            baseline.append(m);
            for (int i = 0; i < names.size(); i++) cols.get(i).append(Formats.interval(paired.path(m).get(names.get(i)), true));
            significant.append(beats.path(m).asBoolean(false));
        }
        Table t = Table.create(title(r, window, "NTG minus each baseline on the same users, estimate [paired bootstrap interval]"), baseline);
        cols.forEach(t::addColumns);
        return t.addColumns(significant);
    }

    /** One sentence on the paired comparison: against how many baselines NTG is shown better, and the narrowest margin. */
    public static String pairedVerdict(Artifacts art, String window) {
        JsonNode r = ranking(art);
        JsonNode w = window(r, window);
        String W = window.toUpperCase(Locale.ROOT);
        if (!"ok".equals(w.path("status").asText())) return W + " has no eval users, so there is no comparison: " + w.path("message").asText();
        String head = headline(r);
        List<String> better = new ArrayList<>(), unclear = new ArrayList<>(), worse = new ArrayList<>();
        String narrowest = null;
        double margin = Double.POSITIVE_INFINITY;
        for (String m : models(r, window)) {
            if (m.equals("ntg")) continue;
            JsonNode d = w.path("paired_vs_ntg").path(m).path(head);
            if (r.path("summary").path(window).path("ntg_beats_baseline_significantly").path(m).asBoolean(false)) better.add(m);
            else if (d.path("high").isNumber() && d.path("high").asDouble() < 0) worse.add(m);
            else unclear.add(m);
            if (d.path("estimate").asDouble() < margin) {
                margin = d.path("estimate").asDouble();
                narrowest = m;
            }
        }
        int n = better.size() + unclear.size() + worse.size();
        StringBuilder b = new StringBuilder("On ").append(W).append(", NTG's ").append(head).append(" is ")
                .append(Formats.interval(w.path("models").path("ntg").path("metrics").get(head), false)).append(". Its paired interval lies above zero against ")
                .append(better.size()).append(" of ").append(n).append(" baselines");
        if (!unclear.isEmpty()) b.append("; it includes zero against ").append(String.join(", ", unclear)).append(" (no shown difference)");
        if (!worse.isEmpty()) b.append("; it lies below zero against ").append(String.join(", ", worse)).append(" (the baseline is better)");
        if (narrowest != null) {
            b.append(". The smallest difference is over ").append(narrowest).append(": ")
                    .append(Formats.interval(w.path("paired_vs_ntg").path(narrowest).get(head), true));
        }
        return b.append('.').toString();
    }

    /** The headline metric of each model on VAL (where the blend was tuned) and on TEST (read once), with each model's rank. */
    public static Table valVsTest(Artifacts art) {
        JsonNode r = ranking(art);
        String head = headline(r);
        List<String> models = new ArrayList<>(models(r, "test"));
        for (String m : models(r, "val")) if (!models.contains(m)) models.add(m);
        StringColumn model = StringColumn.create("model");
        DoubleColumn val = DoubleColumn.create("VAL " + head);
        DoubleColumn test = DoubleColumn.create("TEST " + head);
        DoubleColumn ratio = DoubleColumn.create("TEST / VAL");
        for (String m : models) {
            model.append(m);
            JsonNode v = window(r, "val").path("models").path(m).path("metrics").path(head).path("estimate");
            JsonNode t = window(r, "test").path("models").path(m).path("metrics").path(head).path("estimate");
            Formats.append(val, v);
            Formats.append(test, t);
            if (v.isNumber() && t.isNumber() && v.asDouble() > 0) ratio.append(t.asDouble() / v.asDouble());
            else ratio.appendMissing();
        }
        val.setPrintFormatter(Formats.fixed(3));
        test.setPrintFormatter(Formats.fixed(3));
        ratio.setPrintFormatter(Formats.fixed(2));
        return Table.create(head + " on VAL (tuning) and TEST (final), with each model's rank", model, val, rank("rank on VAL", val), test,
                rank("rank on TEST", test), ratio);
    }

    /** 1 for the largest value; equal values share the better rank; missing values get no rank. */
    static IntColumn rank(String name, DoubleColumn values) {
        IntColumn out = IntColumn.create(name);
        for (int i = 0; i < values.size(); i++) {
            if (values.isMissing(i)) {
                out.appendMissing();
                continue;
            }
            int above = 0;
            for (int j = 0; j < values.size(); j++) if (!values.isMissing(j) && values.getDouble(j) > values.getDouble(i)) above++;
            out.append(above + 1);
        }
        return out;
    }

    /** Accuracy next to catalog coverage, novelty, exposure Gini and mean recommended popularity, at the headline K. */
    public static Table beyondAccuracy(Artifacts art, String window) {
        JsonNode r = ranking(art);
        String head = headline(r);
        int k = headlineK(r);
        StringColumn model = StringColumn.create("model");
        DoubleColumn acc = DoubleColumn.create(head);
        DoubleColumn coverage = DoubleColumn.create("coverage@" + k);
        DoubleColumn novelty = DoubleColumn.create("novelty@" + k + " (bits)");
        DoubleColumn gini = DoubleColumn.create("gini@" + k);
        DoubleColumn popularity = DoubleColumn.create("avg_popularity@" + k + " (TRAIN users)");
        List<String> models = new ArrayList<>(models(r, window));
        JsonNode w = window(r, window).path("models");
        // most popular lists first: the popularity baselines lead, the long-tail models follow
        models.sort(Comparator.comparingDouble((String m) -> -w.path(m).path("beyond_accuracy").path("avg_popularity@" + k).asDouble()));
        for (String m : models) {
            JsonNode b = w.path(m).path("beyond_accuracy");
            model.append(m);
            Formats.append(acc, w.path(m).path("metrics").path(head).path("estimate"));
            Formats.append(coverage, b.path("coverage@" + k));
            Formats.append(novelty, b.path("novelty@" + k));
            Formats.append(gini, b.path("gini@" + k));
            Formats.append(popularity, b.path("avg_popularity@" + k));
        }
        acc.setPrintFormatter(Formats.fixed(3));
        coverage.setPrintFormatter(Formats.percent(1));
        novelty.setPrintFormatter(Formats.fixed(2));
        gini.setPrintFormatter(Formats.fixed(3));
        popularity.setPrintFormatter(Formats.fixed(0));
        return Table.create(title(r, window, "beyond accuracy at K=" + k + ", most popular lists first"), model, acc, coverage, novelty, gini, popularity);
    }
}
