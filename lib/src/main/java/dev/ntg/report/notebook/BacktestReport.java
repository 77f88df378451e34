package dev.ntg.report.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * The rolling-origin backtest inside TRAIN as stage {@code rank} reported it ({@code backtest} in ranking.json): the
 * folds, each refitted on the TRAIN events before its window, and the pooled result. Off unless
 * {@code ranking.backtest_folds > 0}; then the tables are empty and {@link #summary} says how to turn it on.
 */
public final class BacktestReport {
    private BacktestReport() {
    }

    /** One sentence: off (and how to turn it on), or how many folds, what they refit and how NTG fared pooled over them. */
    public static String summary(Artifacts art) {
        JsonNode r = RankingEvalReport.ranking(art);
        JsonNode b = r.path("backtest");
        String status = b.path("status").asText();
        if (!"ok".equals(status)) {
            return "No backtest in this run (status " + status + ", ranking.backtest_folds = " + b.path("folds").asInt() + "): "
                    + b.path("message").asText() + ".";
        }
        String head = RankingEvalReport.headline(r);
        long users = 0;
        for (JsonNode f : b.path("per_fold")) users += f.path("eval_users").asLong();
        int better = 0, n = 0;
        for (var it = b.path("pooled_paired_vs_ntg").fields(); it.hasNext(); ) {
            JsonNode d = it.next().getValue().path(head);
            n++;
            if (d.path("low").isNumber() && d.path("low").asDouble() > 0) better++;
        }
        return b.path("folds").asInt() + " folds at the end of TRAIN; each refits " + join(b.path("components")) + " on the TRAIN events before its window"
                + " and leaves out " + join(b.path("left_out")) + " (fitted by build-taste on all of TRAIN, windows included). Pooled over "
                + users + " fold eval users, NTG's " + head + " is " + Formats.interval(b.path("pooled").path("ntg").get(head), false)
                + "; its paired interval lies above zero against " + better + " of " + n + " baselines.";
    }

    private static String join(JsonNode names) {
        List<String> out = new ArrayList<>();
        names.forEach(x -> out.add(x.asText()));
        return String.join(", ", out);
    }

    /** A title suffix when the run has no backtest, so an empty table says why it is empty. */
    private static String none(JsonNode ranking) {
        String status = ranking.path("backtest").path("status").asText();
        return "ok".equals(status) ? "" : " (none: backtest " + status + ")";
    }

    /** Moves NTG to the front, the baselines keep the report's order. */
    private static void ntgFirst(List<String> models) {
        if (models.remove("ntg")) models.add(0, "ntg");
    }

    /** Per fold: its window start, TRAIN prefix and window sizes, eval users, and each model's headline metric. */
    public static Table folds(Artifacts art) {
        JsonNode r = RankingEvalReport.ranking(art);
        String head = RankingEvalReport.headline(r);
        JsonNode folds = r.path("backtest").path("per_fold");
        List<String> models = new ArrayList<>();
        for (JsonNode f : folds) {
            f.path("models").fieldNames().forEachRemaining(m -> {
                if (!models.contains(m)) models.add(m);
            });
        }
        ntgFirst(models);
        IntColumn fold = IntColumn.create("fold");
        StringColumn start = StringColumn.create("window start");
        LongColumn train = LongColumn.create("TRAIN prefix events");
        LongColumn window = LongColumn.create("window events");
        LongColumn users = LongColumn.create("eval users");
        StringColumn status = StringColumn.create("status");
        List<DoubleColumn> values = new ArrayList<>();
        for (String m : models) values.add(DoubleColumn.create(m));
        for (JsonNode f : folds) {
            fold.append(f.path("fold").asInt());
            start.append(f.path("window_start").asText());
            train.append(f.path("train_events").asLong());
            window.append(f.path("window_events").asLong());
            users.append(f.path("eval_users").asLong());
            status.append(f.path("status").asText());
            for (int i = 0; i < models.size(); i++) {
                Formats.append(values.get(i), f.path("models").path(models.get(i)).path(head));
            }
        }
        values.forEach(v -> v.setPrintFormatter(Formats.fixed(3)));
        Table t = Table.create("backtest folds inside TRAIN: " + head + " per model" + none(r), fold, start, train, window, users, status);
        values.forEach(t::addColumns);
        return t;
    }

    /** Pooled over every fold's eval users: each model's metrics with bootstrap intervals, and NTG minus the model (paired). */
    public static Table pooled(Artifacts art) {
        JsonNode r = RankingEvalReport.ranking(art);
        String head = RankingEvalReport.headline(r);
        JsonNode b = r.path("backtest");
        StringColumn model = StringColumn.create("model");
        List<String> metrics = new ArrayList<>();
        b.path("pooled").path("ntg").fieldNames().forEachRemaining(metrics::add);
        List<StringColumn> cols = new ArrayList<>();
        for (String m : metrics) cols.add(StringColumn.create(m));
        StringColumn paired = StringColumn.create("NTG − model: " + head);
        List<String> models = new ArrayList<>();
        b.path("pooled").fieldNames().forEachRemaining(models::add);
        ntgFirst(models);
        for (String m : models) {
            model.append(m);
            for (int i = 0; i < metrics.size(); i++) cols.get(i).append(Formats.interval(b.path("pooled").path(m).get(metrics.get(i)), false));
            paired.append(m.equals("ntg") ? "" : Formats.interval(b.path("pooled_paired_vs_ntg").path(m).get(head), true));
        }
        Table t = Table.create("backtest pooled over the folds, estimate [bootstrap interval]" + none(r), model);
        cols.forEach(t::addColumns);
        return t.addColumns(paired);
    }
}
