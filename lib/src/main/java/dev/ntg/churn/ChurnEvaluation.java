package dev.ntg.churn;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.eval.Bootstrap;
import dev.ntg.eval.BrierScore;
import dev.ntg.eval.ExpectedCalibrationError;
import dev.ntg.eval.Interval;
import dev.ntg.eval.LiftCapture;
import dev.ntg.eval.LogLoss;
import dev.ntg.eval.MaximumCalibrationError;
import dev.ntg.eval.MeanAbsoluteError;
import dev.ntg.eval.Metric;
import dev.ntg.eval.PrAuc;
import dev.ntg.eval.ReliabilityCurve;
import dev.ntg.eval.RocAuc;
import dev.ntg.io.Json;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The metrics block of one evaluation window in churn.json: every figure with its bootstrap 95% interval. */
final class ChurnEvaluation {
    static final int BINS = 10;
    static final double[] TOP = {0.05, 0.10, 0.20};

    private ChurnEvaluation() {
    }

    /** Full metric set for the chosen model. */
    static Map<String, Supplier<Metric>> fullMetrics() {
        Map<String, Supplier<Metric>> m = new LinkedHashMap<>();
        m.put("auc_roc", RocAuc::new);
        m.put("pr_auc_average_precision", PrAuc::new);
        m.put("log_loss", LogLoss::new);
        m.put("brier", BrierScore::new);
        m.put("ece_equal_width_10", () -> ExpectedCalibrationError.equalWidth(BINS));
        m.put("ece_equal_mass_10", () -> ExpectedCalibrationError.equalMass(BINS));
        m.put("mce_equal_width_10", () -> MaximumCalibrationError.equalWidth(BINS));
        return m;
    }

    /**
     * @param y           labels (0/1) of the labelled users
     * @param chosen      calibrated probabilities of the chosen model
     * @param others      other predictors (uncalibrated chosen model, baselines), same rows
     * @param truth       planted probabilities for the same rows, or null
     */
    static ObjectNode of(double[] y, double[] chosen, Map<String, double[]> others, double[] truth, Bootstrap boot) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        double pos = 0;
        for (double v : y) pos += v;
        o.put("labelled_users", y.length);
        o.put("churned", (long) pos);
        num(o, "churn_rate", y.length == 0 ? Double.NaN : pos / y.length);
        ObjectNode models = o.putObject("models");
        ObjectNode c = models.putObject("chosen");
        boot.intervals(chosen, y, fullMetrics()).forEach((k, v) -> put(c, k, v));
        BrierScore bs = new BrierScore();
        bs.of(chosen, y);
        BrierScore.Decomposition d = bs.decomposition(BINS);
        ObjectNode dn = c.putObject("brier_decomposition");
        dn.put("bins", "equal_width_10");
        num(dn, "reliability", d.reliability());
        num(dn, "resolution", d.resolution());
        num(dn, "uncertainty", d.uncertainty());
        num(dn, "within_bin", d.withinBin());
        for (var e : others.entrySet()) {
            ObjectNode m = models.putObject(e.getKey());
            Map<String, Supplier<Metric>> set = new LinkedHashMap<>();
            set.put("auc_roc", RocAuc::new);
            set.put("pr_auc_average_precision", PrAuc::new);
            set.put("log_loss", LogLoss::new);
            set.put("brier", BrierScore::new);
            set.put("ece_equal_mass_10", () -> ExpectedCalibrationError.equalMass(BINS));
            boot.intervals(e.getValue(), y, set).forEach((k, v) -> put(m, k, v));
        }
        ObjectNode paired = o.putObject("paired_differences");
        paired.put("definition", "baseline metric minus chosen-model metric on the same bootstrap resamples: > 0 means the chosen model is better");
        for (String base : new String[]{"base_rate", "recency"}) {
            if (!others.containsKey(base)) continue;
            put(paired, "brier_gain_vs_" + base, boot.paired(others.get(base), chosen, y, BrierScore::new));
            put(paired, "log_loss_gain_vs_" + base, boot.paired(others.get(base), chosen, y, LogLoss::new));
        }
        ReliabilityCurve rc = ReliabilityCurve.equalMass(BINS);
        rc.of(chosen, y);
        ArrayNode pts = o.putArray("reliability_curve");
        for (ReliabilityCurve.Point p : rc.points(boot)) {
            ObjectNode n = pts.addObject();
            n.put("bin", p.bin());
            n.put("users", p.count());
            num(n, "mean_predicted", p.meanPredicted());
            num(n, "observed_rate", p.observedRate());
            num(n, "observed_lower", p.observedLower());
            num(n, "observed_upper", p.observedUpper());
        }
        ArrayNode lift = o.putArray("lift_capture");
        for (double f : TOP) {
            LiftCapture lc = LiftCapture.top(f);
            lc.of(chosen, y);
            ObjectNode n = lift.addObject();
            n.put("top_fraction", f);
            n.put("users_contacted", lc.contacted());
            n.put("churners_reached", Math.round(lc.value() * pos));
            put(n, "capture", boot.interval(chosen, y, () -> LiftCapture.top(f)));
            num(n, "lift", lc.lift());
        }
        if (truth != null) {
            ObjectNode t = o.putObject("ground_truth");
            t.put("definition", "planted P(no event in the horizon | true parameters, last event before the cutoff) for the same users");
            put(t, "mean_abs_error", boot.interval(chosen, truth, MeanAbsoluteError::new));
            put(t, "ece_vs_truth_equal_mass_10", boot.interval(chosen, truth, () -> ExpectedCalibrationError.equalMass(BINS)));
            put(t, "ece_vs_truth_equal_width_10", boot.interval(chosen, truth, () -> ExpectedCalibrationError.equalWidth(BINS)));
            put(t, "truth_brier", boot.interval(truth, y, BrierScore::new));
            put(t, "truth_auc_roc", boot.interval(truth, y, RocAuc::new));
            double mean = 0;
            for (double v : truth) mean += v;
            num(t, "mean_true_probability", truth.length == 0 ? Double.NaN : mean / truth.length);
        }
        return o;
    }

    static void put(ObjectNode o, String key, Interval i) {
        ObjectNode n = o.putObject(key);
        num(n, "estimate", i.estimate());
        num(n, "lower", i.lower());
        num(n, "upper", i.upper());
    }

    static void num(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) o.put(key, v);
        else o.putNull(key);
    }
}
