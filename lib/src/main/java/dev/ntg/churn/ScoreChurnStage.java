package dev.ntg.churn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.NtgException;
import dev.ntg.concurrent.Parallel;
import dev.ntg.config.ChurnConfig;
import dev.ntg.config.FeaturesConfig;
import dev.ntg.config.NtgConfig;
import dev.ntg.data.synthetic.PlantedChurn;
import dev.ntg.eval.Bootstrap;
import dev.ntg.eval.BrierScore;
import dev.ntg.eval.LogLoss;
import dev.ntg.features.EventHistory;
import dev.ntg.io.Artifact;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Hashing;
import dev.ntg.io.Json;
import dev.ntg.report.Reports;
import dev.ntg.run.Stage;
import dev.ntg.run.StageContext;
import dev.ntg.run.TrainView;
import org.duckdb.DuckDBAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.ntg.io.PathCatalog.*;

/**
 * Stage 06 ({@code ntg score-churn}): fits churn models and calibrators inside TRAIN, chooses one pair on VAL,
 * scores VAL and TEST users, and writes the scores, the fitted model, the VAL choice and a schema-validated report.
 * See the package documentation for the protocol.
 */
public final class ScoreChurnStage implements Stage {
    private static final Logger LOG = LoggerFactory.getLogger(ScoreChurnStage.class);
    static final List<String> CALIBRATORS = List.of("none", "platt", "isotonic");
    static final List<String> MODELS = List.of("logistic", "gbt");

    @Override
    public String name() {
        return "score-churn";
    }

    @Override
    public String description() {
        return "Calibrated probabilities of going inactive within churn.horizon_days, with drivers and a report (fit in TRAIN, chosen on VAL, tested on TEST).";
    }

    @Override
    public String manifestDir() {
        return "outputs/churn";
    }

    @Override
    public List<Artifact> inputs(NtgConfig config) {
        List<Artifact> in = new ArrayList<>(List.of(TRAIN, VAL, TEST, SPLIT_MANIFEST));
        if (synthetic(config)) in.addAll(List.of(TRUTH_USERS, TRUTH_MANIFEST));
        return in;
    }

    private static boolean synthetic(NtgConfig config) {
        return config.dataset().source().equals("synthetic");
    }

    @Override
    public List<Artifact> outputs(NtgConfig config) {
        return List.of(CHURN_EXAMPLES, CHURN_MODEL, CHURN_SELECTION, CHURN_SCORES, LATEST_CHURN_SCORES, CHURN_REPORT);
    }

    @Override
    public List<String> configSections() {
        return List.of("project", "dataset", "features", "churn");
    }

    /** The fitted candidates: models, their calibrators, and what scoring needs. */
    private record Fitted(Standardizer scaler, LogisticModel logistic, GbtModel gbt, LogisticModel recency, ConstantModel baseRate,
                          Map<String, Map<String, Calibrator>> calibrators) {
        ChurnModel model(String name) {
            return name.equals("logistic") ? logistic : gbt;
        }
    }

    /** One scored window. */
    private record Scored(String window, LabeledUsers labels, double[] raw, double[] calibrated, double[] rawLogistic,
                          double[][] z, Map<String, double[]> baselines, double[] truth) {
    }

    @Override
    public void run(StageContext ctx) {
        ChurnConfig cc = ctx.config().churn();
        FeaturesConfig fc = ctx.config().features();
        long seed = ctx.config().project().seed();
        DuckSession duck = ctx.duck();
        JsonNode split = Json.read(ctx.input(SPLIT_MANIFEST));
        Instant valStart = Instant.parse(split.get("val_start").asText());
        Instant testStart = Instant.parse(split.get("test_start").asText());
        TrainView train = ctx.trainView();
        Instant trainMin = Instant.EPOCH.plus(duck.queryLong("SELECT epoch_us(min(ts)) FROM " + train.relation()), java.time.temporal.ChronoUnit.MICROS);
        ChurnLabels rule = new ChurnLabels(cc.horizonDays(), cc.minEvents(), cc.activeWindowDays());
        long t0 = System.nanoTime();

        // 1. Training examples at cutoffs inside TRAIN: features as of c_k, labels from TRAIN events in [c_k, c_k + H).
        List<Instant> cutoffs = ChurnCutoffs.training(trainMin, valStart, cc.horizonDays(), cc.trainingCutoffs(), cc.cutoffSpacingDays());
        List<ExampleSet> calParts = new ArrayList<>(), fitParts = new ArrayList<>();
        Instant cVal = ChurnCutoffs.dayFloor(valStart);
        Map<String, double[]> valFeatures, testFeatures;
        Instant cTest = ChurnCutoffs.dayFloor(testStart);
        TrainView testHistory = ctx.scoringHistoryBefore(cTest);
        // TRAIN's per-event columns once for every cutoff inside TRAIN, VAL's included (see EventHistory), and dropped
        // before the models are fitted.
        try (EventHistory history = EventHistory.of(train)) {
            for (int k = 0; k < cutoffs.size(); k++) {
                Instant c = cutoffs.get(k);
                LabeledUsers labels = rule.label(duck, train.relation(), train.relation(), c, valStart);
                ExampleSet set = ExampleSet.of(labels, ChurnFeatures.asOf(history, c, fc), true);
                (k < cc.calibrationCutoffs() ? calParts : fitParts).add(set);
            }
            valFeatures = ChurnFeatures.asOf(history, cVal, fc);
            // Only after every TRAIN example: TEST is scored from TRAIN + VAL before its cutoff, the same history
            // continued over VAL's events. Read at step 5, once the model is frozen; nothing fitted sees them.
            testFeatures = ChurnFeatures.asOf(history.continuedTo(testHistory), cTest, fc);
        }
        if (fitParts.isEmpty()) {
            throw new NtgException("score-churn: only " + cutoffs.size() + " training cutoff(s) fit in TRAIN, all used for calibration: "
                    + "lower churn.calibration_cutoffs or churn.cutoff_spacing_days");
        }
        ExampleSet fit = ExampleSet.concat(oldestFirst(fitParts));
        ExampleSet cal = ExampleSet.concat(oldestFirst(calParts));
        requireBothClasses("model-fitting", fit, cutoffsOf(fitParts), cc);
        requireBothClasses("calibration", cal, cutoffsOf(calParts), cc);
        LOG.info("{}: {} model examples ({} churned) at {} cutoffs, {} calibration examples ({} churned)", name(), fit.size(),
                fit.positives(), fitParts.size(), cal.size(), cal.positives());
        double examplesSeconds = (System.nanoTime() - t0) / 1e9;

        // 2. Fit models on the earlier cutoffs, calibrators on the later slice.
        long t1 = System.nanoTime();
        Fitted fitted = fitAll(fit, cal, cc, seed, ctx.config().project().effectiveThreads());
        double fitSeconds = (System.nanoTime() - t1) / 1e9;
        writeExamples(duck, fit, cal, ctx.output(CHURN_EXAMPLES));
        ObjectNode model = modelJson(fitted, cutoffs, fitParts, calParts, fit, cal, cc);
        Json.write(ctx.output(CHURN_MODEL), model);

        // 3. VAL: scored as of the train cutoff (floored to midnight), labels from the VAL window.
        long t2 = System.nanoTime();
        PlantedChurn planted = synthetic(ctx.config()) ? PlantedChurn.load(duck, ctx.input(TRUTH_USERS), ctx.input(TRUTH_MANIFEST)) : null;
        String valWindow = ctx.evaluationWindow(VAL);
        duck.execute("CREATE OR REPLACE VIEW val_future AS SELECT user_id, item_id, ts, value FROM " + train.relation() + " WHERE ts >= "
                + ChurnLabels.ts(cVal) + " UNION ALL SELECT user_id, item_id, ts, value FROM " + valWindow);
        LabeledUsers valLabels = rule.label(duck, train.relation(), "val_future", cVal, testStart);
        double[][] zVal = fitted.scaler.apply(ExampleSet.of(valLabels, valFeatures, false).x());
        int[] valLabelled = labelled(valLabels);
        if (valLabelled.length == 0) {
            throw new NtgException("score-churn: no VAL user can be labelled: the horizon of churn.horizon_days=" + cc.horizonDays()
                    + " days from " + cVal + " runs past the VAL window end " + testStart + " (or no user is active at the cutoff): "
                    + "shorten churn.horizon_days");
        }
        // 4. Choose model and calibrator on VAL.
        ObjectNode selection = select(fitted, zVal, valLabels, valLabelled, cc.selectionMetric());
        String chosenModel = selection.get("chosen").get("model").asText();
        String chosenCal = selection.get("chosen").get("calibrator").asText();
        Json.write(ctx.output(CHURN_SELECTION), selection);
        Scored val = score("val", fitted, chosenModel, chosenCal, valLabels, zVal,
                planted == null ? null : planted.probabilities(duck, train.relation(), cVal, cc.horizonDays(), valLabels.users()));

        // 5. TEST: the frozen model one period later; features from TRAIN + VAL before the TEST cutoff (scoring only).
        String testWindow = ctx.evaluationWindow(TEST);
        duck.execute("CREATE OR REPLACE VIEW test_future AS SELECT user_id, item_id, ts, value FROM " + valWindow + " WHERE ts >= "
                + ChurnLabels.ts(cTest) + " UNION ALL SELECT user_id, item_id, ts, value FROM " + testWindow);
        long endUs = duck.queryLong("SELECT coalesce(epoch_us(max(ts)), " + epochUs(cTest) + ") FROM test_future");
        Instant dataEnd = Instant.EPOCH.plus(endUs + 1, java.time.temporal.ChronoUnit.MICROS);
        LabeledUsers testLabels = rule.label(duck, testHistory.relation(), "test_future", cTest, dataEnd);
        double[][] zTest = fitted.scaler.apply(ExampleSet.of(testLabels, testFeatures, false).x());
        Scored test = score("test", fitted, chosenModel, chosenCal, testLabels, zTest,
                planted == null ? null : planted.probabilities(duck, testHistory.relation(), cTest, cc.horizonDays(), testLabels.users()));
        double scoreSeconds = (System.nanoTime() - t2) / 1e9;

        writeScores(duck, List.of(val, test), fitted.logistic, cc, ctx.output(CHURN_SCORES), ctx.output(LATEST_CHURN_SCORES));

        // 6. Report.
        long t3 = System.nanoTime();
        Bootstrap boot = new Bootstrap(cc.bootstrapResamples(), seed);
        ObjectNode report = report(ctx.config(), cc, cutoffs, fitParts, calParts, fit, cal, selection, fitted, val, test, boot);
        Reports.write(ctx, CHURN_REPORT, "churn_report.schema.json", report);
        double reportSeconds = (System.nanoTime() - t3) / 1e9;

        ctx.metric("training_examples", fit.size() + cal.size());
        ctx.metric("val_scored", valLabels.size());
        ctx.metric("test_scored", testLabels.size());
        ctx.metric("chosen", chosenModel + "+" + chosenCal);
        ctx.metric("examples_seconds", round3(examplesSeconds));
        ctx.metric("fit_seconds", round3(fitSeconds));
        ctx.metric("score_seconds", round3(scoreSeconds));
        ctx.metric("report_seconds", round3(reportSeconds));
        LOG.info("{}: chose {} + {}; examples {} s, fit {} s, scoring {} s, report {} s", name(), chosenModel, chosenCal,
                round3(examplesSeconds), round3(fitSeconds), round3(scoreSeconds), round3(reportSeconds));
    }

    private static <T> List<T> oldestFirst(List<T> latestFirst) {
        List<T> out = new ArrayList<>(latestFirst);
        java.util.Collections.reverse(out);
        return out;
    }

    private static double round3(double s) {
        return Math.round(s * 1000) / 1000.0;
    }

    private static long epochUs(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }

    private static List<Instant> cutoffsOf(List<ExampleSet> parts) {
        return parts.stream().map(p -> p.cutoffs().isEmpty() ? null : p.cutoffs().get(0)).filter(java.util.Objects::nonNull).toList();
    }

    private void requireBothClasses(String role, ExampleSet s, List<Instant> cutoffs, ChurnConfig cc) {
        int pos = s.positives(), neg = s.size() - pos;
        String where = "the " + role + " examples (" + s.size() + " users at cutoffs " + cutoffs + ")";
        if (pos == 0) {
            throw new NtgException("score-churn: " + where + " have no churned user (no one active before a cutoff stayed silent for "
                    + "churn.horizon_days=" + cc.horizonDays() + " days): lengthen churn.horizon_days or check the event log");
        }
        if (neg == 0) {
            throw new NtgException("score-churn: " + where + " have no active user (everyone stayed silent for churn.horizon_days="
                    + cc.horizonDays() + " days): shorten churn.horizon_days or check the event log");
        }
        if (pos < cc.minUsers() || neg < cc.minUsers()) {
            throw new NtgException("score-churn: too few users to fit: " + where + " hold " + pos + " churned and " + neg
                    + " active users, fewer than churn.min_users=" + cc.minUsers() + " of each: use more data, more "
                    + "churn.training_cutoffs, or lower churn.min_users");
        }
    }

    private static Fitted fitAll(ExampleSet fit, ExampleSet cal, ChurnConfig cc, long seed, int threads) {
        Standardizer scaler = Standardizer.fit(ChurnFeatures.NAMES, fit.x());
        double[][] zFit = scaler.apply(fit.x()), zCal = scaler.apply(cal.x());
        int[] all = IntStream.range(0, ChurnFeatures.NAMES.size()).toArray();
        // The boosted trees grow on one thread while the logistic fits run beside them: each fit reads only the shared
        // examples and fills its own slot, so the models are the same as fitted one after another.
        LogisticModel[] logistic = new LogisticModel[2];
        GbtModel[] gbt = new GbtModel[1];
        Parallel.runAll("ntg-churn-fit", threads, List.of(
                () -> gbt[0] = GbtModel.fit(ChurnFeatures.NAMES, zFit, fit.y(), cc.gbt(), seed),
                () -> {
                    logistic[0] = LogisticModel.fit("logistic", ChurnFeatures.NAMES, all, zFit, fit.y(), cc.logisticLambda());
                    logistic[1] = LogisticModel.fit("recency", ChurnFeatures.NAMES, new int[]{ChurnFeatures.RECENCY}, zFit, fit.y(), 0.0);
                }));
        ConstantModel base = new ConstantModel((double) fit.positives() / fit.size());
        Map<String, Map<String, Calibrator>> cals = new LinkedHashMap<>();
        for (ChurnModel m : List.<ChurnModel>of(logistic[0], gbt[0])) {
            double[] raw = m.predict(zCal);
            Map<String, Calibrator> byName = new LinkedHashMap<>();
            byName.put("none", Calibrator.none());
            byName.put("platt", Calibrator.platt(raw, cal.y()));
            byName.put("isotonic", Calibrator.isotonic(raw, cal.y()));
            cals.put(m.name(), byName);
        }
        return new Fitted(scaler, logistic[0], gbt[0], logistic[1], base, cals);
    }

    private static int[] labelled(LabeledUsers l) {
        return IntStream.range(0, l.size()).filter(i -> l.labels()[i] >= 0).toArray();
    }

    private static double[] pick(double[] a, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) out[i] = a[rows[i]];
        return out;
    }

    private static double[] labelsOf(LabeledUsers l, int[] rows) {
        double[] y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) y[i] = l.labels()[rows[i]];
        return y;
    }

    private static ObjectNode select(Fitted f, double[][] zVal, LabeledUsers labels, int[] rows, String metric) {
        ObjectNode sel = Json.MAPPER.createObjectNode();
        sel.put("selection_metric", metric);
        sel.put("window", "val");
        sel.put("rule", "lowest VAL " + metric + " over every model and calibrator (ties: listed order); calibrators were fitted on TRAIN");
        ArrayNode cands = sel.putArray("candidates");
        double[] y = labelsOf(labels, rows);
        double best = Double.POSITIVE_INFINITY;
        String bestModel = null, bestCal = null;
        for (String m : MODELS) {
            double[] raw = pick(f.model(m).predict(zVal), rows);
            for (String c : CALIBRATORS) {
                double[] p = f.calibrators.get(m).get(c).apply(raw);
                double ll = new LogLoss().of(p, y), bs = new BrierScore().of(p, y);
                ObjectNode n = cands.addObject();
                n.put("model", m);
                n.put("calibrator", c);
                n.put("val_log_loss", ll);
                n.put("val_brier", bs);
                double v = metric.equals("brier") ? bs : ll;
                if (v < best) {
                    best = v;
                    bestModel = m;
                    bestCal = c;
                }
            }
        }
        ObjectNode chosen = sel.putObject("chosen");
        chosen.put("model", bestModel);
        chosen.put("calibrator", bestCal);
        return sel;
    }

    private static Scored score(String window, Fitted f, String model, String cal, LabeledUsers labels, double[][] z, double[] truth) {
        double[] raw = f.model(model).predict(z);
        double[] p = f.calibrators.get(model).get(cal).apply(raw);
        Map<String, double[]> baselines = new LinkedHashMap<>();
        baselines.put("chosen_uncalibrated", raw);
        baselines.put("base_rate", f.baseRate.predict(z));
        baselines.put("recency", f.recency.predict(z));
        return new Scored(window, labels, raw, p, f.logistic.predict(z), z, baselines, truth);
    }

    private static void writeExamples(DuckSession duck, ExampleSet fit, ExampleSet cal, Path target) {
        StringBuilder cols = new StringBuilder("cutoff VARCHAR, role VARCHAR, user_id VARCHAR, churned BOOLEAN");
        for (String n : ChurnFeatures.NAMES) cols.append(", ").append(n).append(" DOUBLE");
        duck.execute("CREATE OR REPLACE TABLE churn_examples (" + cols + ")");
        try (DuckDBAppender app = duck.appender("churn_examples")) {
            appendExamples(app, fit, "model");
            appendExamples(app, cal, "calibration");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        duck.copyToParquet("SELECT CAST(CAST(cutoff AS TIMESTAMPTZ) AS TIMESTAMP) AS cutoff, * EXCLUDE (cutoff) FROM churn_examples "
                + "ORDER BY cutoff, user_id", target);
        duck.execute("DROP TABLE churn_examples");
    }

    private static void appendExamples(DuckDBAppender app, ExampleSet s, String role) throws SQLException {
        for (int i = 0; i < s.size(); i++) {
            app.beginRow().append(s.cutoffs().get(i).toString()).append(role).append(s.users().get(i)).append(s.y()[i] == 1);
            for (double v : s.x()[i]) {
                if (Double.isNaN(v)) app.appendNull();
                else app.append(v);
            }
            app.endRow();
        }
    }

    /**
     * Writes every scored user of both windows with their outcome ({@code target}), and the TEST window's scores alone
     * without it ({@code latest}): plan-retention reads the latter, so nothing it reads holds a TEST outcome.
     */
    private static void writeScores(DuckSession duck, List<Scored> windows, LogisticModel drivers, ChurnConfig cc, Path target, Path latest) {
        duck.execute("CREATE OR REPLACE TABLE churn_scores (split VARCHAR, cutoff VARCHAR, user_id VARCHAR, p_raw DOUBLE, "
                + "p_calibrated DOUBLE, risk_band VARCHAR, top_drivers VARCHAR, churned BOOLEAN)");
        try (DuckDBAppender app = duck.appender("churn_scores")) {
            for (Scored s : windows) {
                for (int i = 0; i < s.labels.size(); i++) {
                    app.beginRow().append(s.window).append(s.labels.cutoff().toString()).append(s.labels.users().get(i))
                            .append(s.raw[i]).append(s.calibrated[i]).append(RiskBands.of(s.calibrated[i], cc.riskBands()))
                            .append(topDrivers(drivers, s.z[i], cc.topDrivers()));
                    int l = s.labels.labels()[i];
                    if (l < 0) app.appendNull();
                    else app.append(l == 1);
                    app.endRow();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        duck.copyToParquet("SELECT split, CAST(CAST(cutoff AS TIMESTAMPTZ) AS TIMESTAMP) AS cutoff, user_id, p_raw, p_calibrated, "
                + "risk_band, top_drivers, churned FROM churn_scores ORDER BY split DESC, user_id", target);
        duck.copyToParquet("SELECT CAST(CAST(cutoff AS TIMESTAMPTZ) AS TIMESTAMP) AS cutoff, user_id, p_raw, p_calibrated, risk_band, "
                + "top_drivers FROM churn_scores WHERE split = 'test' ORDER BY user_id", latest);
        duck.execute("DROP TABLE churn_scores");
    }

    /** The features pushing this user's log-odds of churn up the most (logistic β_j z_j > 0), strongest first. */
    static String topDrivers(LogisticModel m, double[] z, int k) {
        double[] c = m.contributions(z);
        Integer[] idx = IntStream.range(0, c.length).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(idx, (a, b) -> {
            int cmp = Double.compare(c[b], c[a]);
            return cmp != 0 ? cmp : Integer.compare(a, b);
        });
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(k, idx.length); i++) {
            if (c[idx[i]] <= 0) break;
            if (sb.length() > 0) sb.append("; ");
            sb.append(m.features().get(idx[i])).append(String.format(java.util.Locale.ROOT, " (+%.2f)", c[idx[i]]));
        }
        return sb.toString();
    }

    private static ObjectNode modelJson(Fitted f, List<Instant> cutoffs, List<ExampleSet> fitParts, List<ExampleSet> calParts,
                                        ExampleSet fit, ExampleSet cal, ChurnConfig cc) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("what", "churn models and calibrators fitted on TRAIN only; the VAL choice among them is in selection.json");
        ArrayNode names = o.putArray("features");
        ChurnFeatures.NAMES.forEach(names::add);
        ObjectNode sc = o.putObject("standardizer");
        sc.put("rule", "z = (x - mean) / sd, fitted on the model-fitting examples; a missing value becomes z = 0");
        ArrayNode mean = sc.putArray("mean"), sd = sc.putArray("sd");
        for (double v : f.scaler.mean()) mean.add(v);
        for (double v : f.scaler.sd()) sd.add(v);
        ObjectNode tr = o.putObject("training");
        tr.put("cross_fitting", false);
        tr.put("scheme", "models fitted on the earlier training cutoffs, calibrators on the latest " + cc.calibrationCutoffs()
                + " (a later slice of TRAIN)");
        ArrayNode mc = tr.putArray("model_cutoffs"), ccs = tr.putArray("calibration_cutoffs");
        cutoffsOf(fitParts).forEach(c -> mc.add(c.toString()));
        cutoffsOf(calParts).forEach(c -> ccs.add(c.toString()));
        tr.put("model_examples", fit.size());
        tr.put("model_churned", fit.positives());
        tr.put("calibration_examples", cal.size());
        tr.put("calibration_churned", cal.positives());
        ObjectNode models = o.putObject("models");
        models.set("logistic", f.logistic.describe());
        ObjectNode g = f.gbt.describe();
        double[] zCal = f.gbt.predict(f.scaler.apply(cal.x()));
        ByteBuffer buf = ByteBuffer.allocate(8 * zCal.length);
        for (double v : zCal) buf.putDouble(v);
        g.put("calibration_predictions_sha256", Hashing.sha256(buf.array()));
        models.set("gbt", g);
        models.set("recency", f.recency.describe());
        models.set("base_rate", f.baseRate.describe());
        ObjectNode cals = o.putObject("calibrators");
        f.calibrators.forEach((m, byName) -> {
            ObjectNode n = cals.putObject(m);
            byName.forEach((c, cal2) -> n.set(c, cal2.describe()));
        });
        return o;
    }

    private static ObjectNode windowProtocol(LabeledUsers l, String labelSource, String featureSource) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("cutoff", l.cutoff().toString());
        o.put("horizon_end", l.horizonEnd().toString());
        o.put("observed_until", l.observedEnd().toString());
        o.put("features_from", featureSource);
        o.put("labels_from", labelSource);
        o.put("scored_users", l.size());
        o.put("labelled_users", l.count(0) + l.count(1));
        o.put("churned", l.count(1));
        o.put("active", l.count(0));
        o.put("censored", l.count(-1));
        return o;
    }

    private ObjectNode report(NtgConfig config, ChurnConfig cc, List<Instant> cutoffs, List<ExampleSet> fitParts, List<ExampleSet> calParts,
                              ExampleSet fit, ExampleSet cal, ObjectNode selection, Fitted f, Scored val, Scored test, Bootstrap boot) {
        ObjectNode r = Json.MAPPER.createObjectNode();
        r.put("report", "churn");
        r.put("schema_version", 2);
        r.put("dataset_source", config.dataset().source());
        ObjectNode p = r.putObject("protocol");
        p.put("horizon_days", cc.horizonDays());
        p.put("min_events", cc.minEvents());
        p.put("active_window_days", cc.activeWindowDays());
        p.put("label_rule", "a user is scored at cutoff c when they have at least min_events events before c and the last one at or after "
                + "c - active_window_days; churned = no event in [c, c + horizon_days days); features use events with ts < c");
        p.put("cutoff_rule", "cutoffs are UTC midnights: the VAL cutoff is val_start rounded down to midnight, the TEST cutoff test_start "
                + "rounded down; training cutoffs are (val_start rounded down) - horizon, then every cutoff_spacing_days earlier");
        p.put("censoring", "when c + horizon runs past the last observable instant of the window (VAL: test_start; TEST: the last event), "
                + "a user with an event before it is active, one without is censored: excluded from labels and metrics, counted here");
        p.put("who_is_scored", "users active at the cutoff under the label rule, from the history before it; users first seen after the "
                + "cutoff are not scored");
        p.put("fitting", "features as of each training cutoff from TRAIN events before it (stage-02 builders on TRAIN as of c_k); labels "
                + "from TRAIN events in [c_k, c_k + H); models on the earlier cutoffs, calibrators on the latest; VAL chooses model "
                + "and calibrator by " + cc.selectionMetric() + "; TEST scores the frozen choice");
        ArrayNode tc = p.putArray("training_cutoffs");
        cutoffs.forEach(c -> tc.add(c.toString()));
        ArrayNode mc = p.putArray("model_cutoffs"), calc = p.putArray("calibration_cutoffs");
        cutoffsOf(fitParts).forEach(c -> mc.add(c.toString()));
        cutoffsOf(calParts).forEach(c -> calc.add(c.toString()));
        p.put("model_examples", fit.size());
        p.put("calibration_examples", cal.size());
        ObjectNode windows = p.putObject("windows");
        windows.set("val", windowProtocol(val.labels, "TRAIN events from the cutoff on (the hours before val_start) and the VAL window",
                "TRAIN events before the cutoff"));
        windows.set("test", windowProtocol(test.labels, "VAL events from the cutoff on and the TEST window",
                "TRAIN and VAL events before the cutoff (scoring only; the model stays frozen)"));
        p.put("bootstrap", "percentile 95% intervals from " + cc.bootstrapResamples() + " resamples of users (seed project.seed)");
        p.put("pr_auc", "average precision (step-wise, ties entering together), not the trapezoidal area");
        r.set("selection", selection);
        ArrayNode drivers = r.putArray("drivers");
        double[] beta = f.logistic.coefficients();
        Integer[] order = IntStream.range(0, beta.length).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, (a, b) -> {
            int cmp = Double.compare(Math.abs(beta[b]), Math.abs(beta[a]));
            return cmp != 0 ? cmp : Integer.compare(a, b);
        });
        for (int j : order) {
            ObjectNode d = drivers.addObject();
            d.put("feature", f.logistic.features().get(j));
            d.put("coefficient_per_sd", beta[j]);
            d.put("odds_ratio_per_sd", Math.exp(beta[j]));
        }
        ObjectNode ev = r.putObject("evaluation");
        for (Scored s : List.of(val, test)) {
            int[] rows = labelled(s.labels);
            double[] y = labelsOf(s.labels, rows);
            Map<String, double[]> others = new LinkedHashMap<>();
            s.baselines.forEach((k, v) -> others.put(k, pick(v, rows)));
            double[] truth = s.truth == null ? null : pick(s.truth, rows);
            ObjectNode w = ChurnEvaluation.of(y, pick(s.calibrated, rows), others, truth, boot);
            if (s.truth != null) {
                ObjectNode all = ((ObjectNode) w.get("ground_truth")).putObject("all_scored_users");
                all.put("users", s.truth.length);
                ChurnEvaluation.num(all, "mean_abs_error", new dev.ntg.eval.MeanAbsoluteError().of(s.calibrated, s.truth));
                ChurnEvaluation.num(all, "ece_vs_truth_equal_mass_10", dev.ntg.eval.ExpectedCalibrationError.equalMass(10).of(s.calibrated, s.truth));
            }
            ev.set(s.window, w);
        }
        ObjectNode bands = r.putObject("risk_bands");
        ArrayNode th = bands.putArray("thresholds");
        cc.riskBands().forEach(th::add);
        ArrayNode bn = bands.putArray("names");
        RiskBands.names(cc.riskBands().size()).forEach(bn::add);
        return r;
    }
}
