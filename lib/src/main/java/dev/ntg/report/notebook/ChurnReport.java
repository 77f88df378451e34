package dev.ntg.report.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ntg.io.PathCatalog;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.ntg.report.notebook.ReportValues.NONE;
import static dev.ntg.report.notebook.ReportValues.interval;

/**
 * The churn stage's definition, model choice and headline metrics as a notebook shows them (notebook 04): every
 * number is the one {@code score-churn} wrote into {@code churn.json}, {@code selection.json} or its manifest; nothing
 * is recomputed. Calibration in detail is {@link ChurnCalibrationReport}.
 */
public final class ChurnReport {
    /** The metrics of a window's models, in the order a reader meets them, with their display names. */
    static final Map<String, String> METRICS = linked(
            "auc_roc", "ROC AUC",
            "pr_auc_average_precision", "PR AUC (average precision)",
            "brier", "Brier score",
            "log_loss", "log loss",
            "ece_equal_mass_10", "ECE, 10 equal-mass bins",
            "ece_equal_width_10", "ECE, 10 equal-width bins",
            "mce_equal_width_10", "MCE, 10 equal-width bins");
    /** The scorers a window holds, with their display names: the chosen model first, then what it must beat. */
    static final Map<String, String> MODELS = linked(
            "chosen", "chosen model",
            "chosen_uncalibrated", "chosen, before calibration",
            "recency", "recency-only baseline",
            "base_rate", "base-rate baseline");
    /** The paired differences a window holds, with what each compares. */
    static final Map<String, String> GAINS = linked(
            "brier_gain_vs_base_rate", "Brier: base rate − chosen",
            "brier_gain_vs_recency", "Brier: recency − chosen",
            "log_loss_gain_vs_base_rate", "log loss: base rate − chosen",
            "log_loss_gain_vs_recency", "log loss: recency − chosen");

    private ChurnReport() {
    }

    /** The churn definition in the stage's own words, with the settings that made it concrete. */
    public static String definition(Artifacts art) {
        return definition(art.report(PathCatalog.CHURN_REPORT));
    }

    static String definition(JsonNode churn) {
        JsonNode p = churn.path("protocol");
        return String.format(Locale.ROOT, "Churned means: %s. Here horizon_days = %d, min_events = %d, active_window_days = %d. "
                        + "Cutoffs: %s. Censoring: %s.", p.path("label_rule").asText(), p.path("horizon_days").asInt(),
                p.path("min_events").asInt(), p.path("active_window_days").asInt(), p.path("cutoff_rule").asText(), p.path("censoring").asText());
    }

    /**
     * Which data built the labels and which evaluated them: one row per role (fit the models, fit the calibrators, choose
     * on VAL, evaluate on TEST) with its cutoffs, users, churners and censored users, and where features and labels came
     * from. The training rows' churner counts come from {@code model.json}, the rest from {@code churn.json}.
     */
    public static Table windows(Artifacts art) {
        return windows(art.report(PathCatalog.CHURN_REPORT), art.json(PathCatalog.CHURN_MODEL));
    }

    static Table windows(JsonNode churn, JsonNode model) {
        JsonNode p = churn.path("protocol");
        JsonNode training = model.path("training");
        int horizon = p.path("horizon_days").asInt();
        StringColumn role = StringColumn.create("role");
        StringColumn cutoffs = StringColumn.create("cutoff(s)");
        LongColumn users = LongColumn.create("users");
        LongColumn churned = LongColumn.create("churned");
        LongColumn censored = LongColumn.create("censored");
        StringColumn features = StringColumn.create("features from");
        StringColumn labels = StringColumn.create("labels from");
        String trainingLabels = "TRAIN events in [cutoff, cutoff + " + horizon + " d)";
        role.append("fit the models");
        cutoffs.append(span(p.path("model_cutoffs")));
        users.append(p.path("model_examples").asLong());
        appendCount(churned, training.path("model_churned"));
        censored.appendMissing();
        features.append("TRAIN events before each cutoff");
        labels.append(trainingLabels);
        role.append("fit the calibrators");
        cutoffs.append(span(p.path("calibration_cutoffs")));
        users.append(p.path("calibration_examples").asLong());
        appendCount(churned, training.path("calibration_churned"));
        censored.appendMissing();
        features.append("TRAIN events before each cutoff");
        labels.append(trainingLabels);
        for (String w : List.of("val", "test")) {
            JsonNode win = p.path("windows").path(w);
            role.append(w.equals("val") ? "choose model + calibrator (VAL)" : "final evaluation (TEST)");
            cutoffs.append(win.path("cutoff").asText() + " (horizon ends " + win.path("horizon_end").asText() + ")");
            users.append(win.path("scored_users").asLong());
            churned.append(win.path("churned").asLong());
            censored.append(win.path("censored").asLong());
            features.append(win.path("features_from").asText());
            labels.append(win.path("labels_from").asText());
        }
        return Table.create("which data built the labels, which evaluated them", role, cutoffs, users, churned, censored, features, labels);
    }

    private static void appendCount(LongColumn c, JsonNode n) {
        if (n.isNumber()) c.append(n.asLong());
        else c.appendMissing();
    }

    /** {@code first … last (n cutoffs)} of a list of instants, in time order. */
    private static String span(JsonNode instants) {
        List<String> all = new ArrayList<>();
        instants.forEach(n -> all.add(n.asText()));
        if (all.isEmpty()) return NONE;
        all.sort(null);
        if (all.size() == 1) return all.get(0);
        return all.get(0) + " … " + all.get(all.size() - 1) + " (" + all.size() + " cutoffs)";
    }

    /** The effective {@code churn} config the stage ran with, from its manifest, one row per (nested) key. */
    public static Table settings(Artifacts art) {
        return settings(art.stageManifest(PathCatalog.CHURN_SCORES).config().path("churn"));
    }

    static Table settings(JsonNode churnConfig) {
        StringColumn key = StringColumn.create("churn.*");
        StringColumn value = StringColumn.create("value");
        flatten("", churnConfig, key, value);
        return Table.create("effective churn config (outputs/churn/_manifest.json)", key, value);
    }

    private static void flatten(String prefix, JsonNode n, StringColumn key, StringColumn value) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                var e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), key, value);
            }
        } else {
            key.append(prefix);
            value.append(n.isTextual() ? n.asText() : n.toString());
        }
    }

    /** Every model × calibrator the stage tried on VAL, with both VAL metrics and which one it chose. */
    public static Table selection(Artifacts art) {
        return selection(art.json(PathCatalog.CHURN_SELECTION));
    }

    static Table selection(JsonNode sel) {
        StringColumn model = StringColumn.create("model");
        StringColumn calibrator = StringColumn.create("calibrator");
        DoubleColumn logLoss = DoubleColumn.create("VAL log loss");
        DoubleColumn brier = DoubleColumn.create("VAL Brier");
        BooleanColumn chosen = BooleanColumn.create("chosen");
        JsonNode pick = sel.path("chosen");
        for (JsonNode c : sel.path("candidates")) {
            model.append(c.path("model").asText());
            calibrator.append(c.path("calibrator").asText());
            logLoss.append(ReportValues.value(c.path("val_log_loss")));
            brier.append(ReportValues.value(c.path("val_brier")));
            chosen.append(isChosen(c, pick));
        }
        logLoss.setPrintFormatter(Formats.grouped(4));
        brier.setPrintFormatter(Formats.grouped(4));
        return Table.create("candidates on VAL (selection.json; rule: " + sel.path("rule").asText() + ")", model, calibrator, logLoss, brier, chosen);
    }

    private static boolean isChosen(JsonNode candidate, JsonNode chosen) {
        return candidate.path("model").equals(chosen.path("model")) && candidate.path("calibrator").equals(chosen.path("calibrator"));
    }

    /** The VAL choice, its margin over the runner-up, and whether {@code churn.json} records the same choice. */
    public static String selectionVerdict(Artifacts art) {
        return selectionVerdict(art.json(PathCatalog.CHURN_SELECTION), art.report(PathCatalog.CHURN_REPORT));
    }

    static String selectionVerdict(JsonNode sel, JsonNode churn) {
        String metric = sel.path("selection_metric").asText();
        String key = metric.equals("brier") ? "val_brier" : "val_log_loss";
        JsonNode pick = sel.path("chosen");
        double best = Double.NaN;
        double second = Double.POSITIVE_INFINITY;
        String runnerUp = null;
        for (JsonNode c : sel.path("candidates")) {
            double v = ReportValues.value(c.path(key));
            if (isChosen(c, pick)) best = v;
            else if (v < second) {
                second = v;
                runnerUp = c.path("model").asText() + " + " + c.path("calibrator").asText();
            }
        }
        String name = pick.path("model").asText() + " + " + pick.path("calibrator").asText();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "VAL chose %s: the lowest VAL %s (%.4f)", name, metric, best));
        if (runnerUp != null) {
            s.append(String.format(Locale.ROOT, "; the runner-up, %s, is %.4f higher", runnerUp, second - best));
        }
        s.append(". TEST played no part in the choice.");
        JsonNode recorded = churn.path("selection").path("chosen");
        s.append(recorded.equals(pick) ? " churn.json records the same choice."
                : " churn.json records a DIFFERENT choice (" + recorded + "): the files come from different runs; rerun `./ntg score-churn`.");
        return s.toString();
    }

    /**
     * Every metric of one window ({@code val} or {@code test}) for the chosen model and the baselines the report holds,
     * each as {@code estimate [95% interval]}; a dash where the report does not compute that metric for that scorer.
     */
    public static Table metrics(Artifacts art, String window) {
        return metrics(art.report(PathCatalog.CHURN_REPORT), window);
    }

    static Table metrics(JsonNode churn, String window) {
        JsonNode models = window(churn, window).path("models");
        StringColumn metric = StringColumn.create("metric");
        StringColumn better = StringColumn.create("better");
        List<StringColumn> byModel = new ArrayList<>();
        MODELS.values().forEach(name -> byModel.add(StringColumn.create(name)));
        for (var m : METRICS.entrySet()) {
            metric.append(m.getValue());
            better.append(m.getKey().startsWith("auc") || m.getKey().startsWith("pr_auc") ? "higher" : "lower");
            int i = 0;
            for (String model : MODELS.keySet()) byModel.get(i++).append(interval(models.path(model).path(m.getKey()), 4));
        }
        Table t = Table.create("churn metrics on " + window.toUpperCase(Locale.ROOT) + " with 95% bootstrap intervals (churn.json)", metric, better);
        byModel.forEach(t::addColumns);
        return t;
    }

    /** The paired bootstrap differences of one window: baseline minus chosen model, > 0 when the model is better. */
    public static Table pairedGains(Artifacts art, String window) {
        return pairedGains(art.report(PathCatalog.CHURN_REPORT), window);
    }

    static Table pairedGains(JsonNode churn, String window) {
        JsonNode paired = window(churn, window).path("paired_differences");
        StringColumn what = StringColumn.create("difference");
        StringColumn value = StringColumn.create("estimate [95% interval]");
        StringColumn reading = StringColumn.create("reading");
        for (var g : GAINS.entrySet()) {
            JsonNode d = paired.path(g.getKey());
            if (d.isMissingNode()) continue;
            what.append(g.getValue());
            value.append(interval(d, 4));
            reading.append(switch (ReportValues.sign(d)) {
                case 1 -> "chosen model better";
                case -1 -> "baseline better";
                default -> "cannot tell apart";
            });
        }
        return Table.create("paired gains on " + window.toUpperCase(Locale.ROOT) + " (same bootstrap resamples for both scorers)", what, value, reading);
    }

    /** The chosen model's metrics on VAL (where it was chosen) next to TEST (read once, at the end). */
    public static Table valAndTest(Artifacts art) {
        return valAndTest(art.report(PathCatalog.CHURN_REPORT));
    }

    static Table valAndTest(JsonNode churn) {
        StringColumn metric = StringColumn.create("metric");
        StringColumn val = StringColumn.create("VAL (chose the model)");
        StringColumn test = StringColumn.create("TEST (final)");
        for (var m : METRICS.entrySet()) {
            metric.append(m.getValue());
            val.append(interval(window(churn, "val").path("models").path("chosen").path(m.getKey()), 4));
            test.append(interval(window(churn, "test").path("models").path("chosen").path(m.getKey()), 4));
        }
        return Table.create("chosen model on VAL and TEST", metric, val, test);
    }

    /**
     * One paragraph on a window's headline: sample and base rate, the model's AUC against recency alone, what the paired
     * Brier gains say, and which estimates lie outside their own percentile interval (the ECE family is biased upward
     * under resampling, so that can happen and is not an error).
     */
    public static String verdict(Artifacts art, String window) {
        return verdict(art.report(PathCatalog.CHURN_REPORT), window);
    }

    static String verdict(JsonNode churn, String window) {
        JsonNode w = window(churn, window);
        JsonNode models = w.path("models");
        JsonNode paired = w.path("paired_differences");
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "On %s (%,d labelled users, %,d churned = %.1f%%) the chosen model reaches ROC AUC %s against %s for recency alone. ",
                window.toUpperCase(Locale.ROOT), w.path("labelled_users").asLong(), w.path("churned").asLong(), 100 * w.path("churn_rate").asDouble(),
                interval(models.path("chosen").path("auc_roc"), 3), interval(models.path("recency").path("auc_roc"), 3)));
        for (String base : List.of("recency", "base_rate")) {
            JsonNode g = paired.path("brier_gain_vs_" + base);
            String name = base.equals("recency") ? "the recency baseline" : "the base rate";
            s.append(String.format(Locale.ROOT, "Its Brier score is lower than %s's by %s: %s. ", name, interval(g, 4), switch (ReportValues.sign(g)) {
                case 1 -> "the interval excludes zero, so the model is better";
                case -1 -> "the baseline is better";
                default -> "the interval contains zero, so this sample cannot tell them apart";
            }));
        }
        List<String> outside = new ArrayList<>();
        for (var m : METRICS.entrySet()) {
            JsonNode i = models.path("chosen").path(m.getKey());
            double e = ReportValues.value(i.path("estimate"));
            if (e < ReportValues.value(i.path("lower")) || e > ReportValues.value(i.path("upper"))) outside.add(m.getValue());
        }
        if (!outside.isEmpty()) {
            s.append("Note: the estimate of ").append(String.join(", ", outside)).append(" lies outside its own percentile interval; "
                    + "calibration errors are biased upward in resamples (duplicated users make bins noisier), so read that interval as "
                    + "the spread of the error, not as a bracket around the estimate.");
        }
        return s.toString().strip();
    }

    /** The logistic model's coefficients per standard deviation, largest effect first (the {@code top} first ones). */
    public static Table drivers(Artifacts art, int top) {
        return drivers(art.report(PathCatalog.CHURN_REPORT), top);
    }

    static Table drivers(JsonNode churn, int top) {
        StringColumn feature = StringColumn.create("feature");
        DoubleColumn beta = DoubleColumn.create("log-odds per SD");
        DoubleColumn odds = DoubleColumn.create("odds ratio per SD");
        StringColumn direction = StringColumn.create("one SD more");
        for (JsonNode d : churn.path("drivers")) {
            if (feature.size() == top) break;
            feature.append(d.path("feature").asText());
            double b = d.path("coefficient_per_sd").asDouble();
            beta.append(b);
            odds.append(d.path("odds_ratio_per_sd").asDouble());
            direction.append(b > 0 ? "raises churn risk" : b < 0 ? "lowers churn risk" : "no effect");
        }
        beta.setPrintFormatter(Formats.grouped(3));
        odds.setPrintFormatter(Formats.grouped(3));
        return Table.create("churn drivers (logistic model, standardized features)", feature, beta, odds, direction);
    }

    static JsonNode window(JsonNode churn, String window) {
        JsonNode w = churn.path("evaluation").path(window);
        if (w.isMissingNode()) throw new IllegalArgumentException("churn.json has no window " + window + ": use val or test");
        return w;
    }

    static Map<String, String> linked(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put(keyValues[i], keyValues[i + 1]);
        return Collections.unmodifiableMap(m);
    }
}
