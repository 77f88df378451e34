package dev.ntg.report.notebook;

import dev.ntg.testing.PublishedReports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Json;
import dev.ntg.io.PathCatalog;
import dev.ntg.report.SchemaValidator;
import dev.ntg.run.StageManifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The score-churn outputs of a hand-made run in a work dir: a schema-valid {@code churn.json} with round numbers chosen
 * so that every check the notebook helpers make has a known answer, {@code selection.json}, {@code model.json}, the
 * stage manifest, and a {@code scores.parquet} of seven TEST users (one censored) and two VAL users.
 */
final class ChurnFixture {
    /** TEST rows: user, p, risk band, churned (null = censored). */
    static final String TEST_SCORES = "('u1', 0.9, 'high', true), ('u2', 0.6, 'high', true), ('u3', 0.3, 'medium', false), "
            + "('u4', 0.25, 'medium', true), ('u5', 0.1, 'low', false), ('u6', 0.05, 'low', false), ('u7', 0.02, 'low', NULL)";
    static final String VAL_SCORES = "('u1', 0.5, 'medium', true), ('u8', 0.95, 'high', false)";

    private ChurnFixture() {
    }

    static Path write(Path work, boolean withTruth) {
        PathCatalog c = new PathCatalog(work);
        try {
            Files.createDirectories(c.resolve(PathCatalog.CHURN_REPORT).getParent());
            Files.createDirectories(c.resolve(PathCatalog.CHURN_SCORES).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode report = PublishedReports.published(report(withTruth), "churn_report.schema.json");
        SchemaValidator.of("churn_report.schema.json").check(report, "fixture churn.json");
        Json.write(c.resolve(PathCatalog.CHURN_REPORT), report);
        Json.write(c.resolve(PathCatalog.CHURN_SELECTION), report.get("selection"));
        Json.write(c.resolve(PathCatalog.CHURN_MODEL), json("{\"training\": {\"model_churned\": 30, \"calibration_churned\": 12}}"));
        StageManifest m = new StageManifest("score-churn", "0", "lib", "commit", false,
                json("{\"churn\": {\"horizon_days\": 14, \"gbt\": {\"trees\": 5}, \"risk_bands\": [0.2, 0.5], \"selection_metric\": \"log_loss\"}}"),
                "hash", List.of(), 42, List.of(), List.of(), Map.of(), "t0", "t1", 1.0);
        Json.write(c.manifestOf("outputs/churn"), m);
        try (DuckSession duck = DuckSession.inMemory()) {
            duck.copyToParquet("SELECT split, TIMESTAMP '2023-03-29 00:00:00' AS cutoff, user_id, CAST(p AS DOUBLE) AS p_raw, CAST(p AS DOUBLE) AS p_calibrated, risk_band, "
                    + "'' AS top_drivers, churned FROM (SELECT 'test' AS split, * FROM (VALUES " + TEST_SCORES + ") t(user_id, p, risk_band, churned) "
                    + "UNION ALL SELECT 'val', * FROM (VALUES " + VAL_SCORES + ") v(user_id, p, risk_band, churned))", c.resolve(PathCatalog.CHURN_SCORES));
        }
        return work;
    }

    static JsonNode json(String s) {
        try {
            return Json.MAPPER.readTree(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode iv(double estimate, double lower, double upper) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("estimate", estimate);
        n.put("lower", lower);
        n.put("upper", upper);
        return n;
    }

    static JsonNode report(boolean withTruth) {
        ObjectNode r = Json.MAPPER.createObjectNode();
        r.put("report", "churn");
        r.put("schema_version", 1);
        r.put("dataset_source", withTruth ? "synthetic" : "csv");
        ObjectNode p = r.putObject("protocol");
        p.put("horizon_days", 14);
        p.put("min_events", 2);
        p.put("active_window_days", 60);
        p.put("label_rule", "churned = no event in [c, c + horizon_days days)");
        p.put("cutoff_rule", "cutoffs are UTC midnights");
        p.put("censoring", "a user whose horizon runs past the data is censored");
        p.put("who_is_scored", "active users");
        p.put("fitting", "inside TRAIN");
        p.set("training_cutoffs", json("[\"2023-03-01T00:00:00Z\", \"2023-02-15T00:00:00Z\", \"2023-02-01T00:00:00Z\"]"));
        p.set("model_cutoffs", json("[\"2023-02-15T00:00:00Z\", \"2023-02-01T00:00:00Z\"]"));
        p.set("calibration_cutoffs", json("[\"2023-03-01T00:00:00Z\"]"));
        p.put("model_examples", 100);
        p.put("calibration_examples", 40);
        ObjectNode windows = p.putObject("windows");
        windows.set("val", json("""
                {"cutoff": "2023-03-15T00:00:00Z", "horizon_end": "2023-03-29T00:00:00Z", "observed_until": "2023-03-29T00:00:00Z",
                 "features_from": "TRAIN before the cutoff", "labels_from": "the VAL window", "scored_users": 2, "labelled_users": 2,
                 "churned": 1, "active": 1, "censored": 0}"""));
        windows.set("test", json("""
                {"cutoff": "2023-03-29T00:00:00Z", "horizon_end": "2023-04-12T00:00:00Z", "observed_until": "2023-04-10T00:00:00Z",
                 "features_from": "TRAIN and VAL before the cutoff", "labels_from": "the TEST window", "scored_users": 7, "labelled_users": 6,
                 "churned": 3, "active": 3, "censored": 1}"""));
        p.put("bootstrap", "percentile");
        p.put("pr_auc", "average precision");
        r.set("selection", json("""
                {"selection_metric": "log_loss", "window": "val", "rule": "lowest VAL log_loss",
                 "candidates": [{"model": "logistic", "calibrator": "none", "val_log_loss": 0.30, "val_brier": 0.100},
                                {"model": "logistic", "calibrator": "platt", "val_log_loss": 0.29, "val_brier": 0.099},
                                {"model": "gbt", "calibrator": "none", "val_log_loss": 0.31, "val_brier": 0.098}],
                 "chosen": {"model": "logistic", "calibrator": "platt"}}"""));
        r.set("drivers", json("""
                [{"feature": "f_a", "coefficient_per_sd": 1.2, "odds_ratio_per_sd": 3.3201169227365472},
                 {"feature": "f_b", "coefficient_per_sd": -0.7, "odds_ratio_per_sd": 0.4965853037914095},
                 {"feature": "f_c", "coefficient_per_sd": 0.1, "odds_ratio_per_sd": 1.1051709180756477}]"""));
        ObjectNode ev = r.putObject("evaluation");
        ev.set("val", window(0.92, 0.5, withTruth, 0.93));
        ev.set("test", window(0.90, 0.5, withTruth, 0.95));
        r.set("risk_bands", json("{\"thresholds\": [0.2, 0.5], \"names\": [\"low\", \"medium\", \"high\"]}"));
        return r;
    }

    /** One evaluation window; TEST (auc 0.90) has an ECE estimate outside its own interval and four reliability bins. */
    private static ObjectNode window(double auc, double churnRate, boolean withTruth, double truthAuc) {
        ObjectNode w = Json.MAPPER.createObjectNode();
        w.put("labelled_users", 6);
        w.put("churned", 3);
        w.put("churn_rate", churnRate);
        ObjectNode models = w.putObject("models");
        ObjectNode chosen = baseline(models.putObject("chosen"), auc, 0.85, 0.3, 0.1, 0.02);
        chosen.set("ece_equal_width_10", iv(0.015, 0.02, 0.06));
        chosen.set("mce_equal_width_10", iv(0.1, 0.05, 0.2));
        chosen.set("brier_decomposition", json("{\"bins\": \"equal_width_10\", \"reliability\": 0.01, \"resolution\": 0.06, "
                + "\"uncertainty\": 0.15, \"within_bin\": 0.0}"));
        baseline(models.putObject("chosen_uncalibrated"), auc, 0.85, 0.31, 0.11, 0.03);
        baseline(models.putObject("base_rate"), 0.5, 0.5, 0.69, 0.25, 0.0);
        baseline(models.putObject("recency"), 0.8, 0.7, 0.4, 0.12, 0.04);
        ObjectNode paired = w.putObject("paired_differences");
        paired.put("definition", "baseline minus chosen");
        paired.set("brier_gain_vs_base_rate", iv(0.05, 0.03, 0.07));
        paired.set("brier_gain_vs_recency", iv(0.01, -0.005, 0.02));
        paired.set("log_loss_gain_vs_base_rate", iv(0.2, 0.1, 0.3));
        paired.set("log_loss_gain_vs_recency", iv(-0.02, -0.03, -0.01));
        w.set("reliability_curve", json("""
                [{"bin": 0, "users": 3, "mean_predicted": 0.0005, "observed_rate": 0.0, "observed_lower": 0.0, "observed_upper": 0.0},
                 {"bin": 1, "users": 2, "mean_predicted": 0.3, "observed_rate": 0.5, "observed_lower": 0.35, "observed_upper": 0.65},
                 {"bin": 2, "users": 4, "mean_predicted": 0.5, "observed_rate": 0.45, "observed_lower": 0.3, "observed_upper": 0.6},
                 {"bin": 3, "users": 2, "mean_predicted": 0.75, "observed_rate": 1.0, "observed_lower": 1.0, "observed_upper": 1.0}]"""));
        ArrayNode lift = w.putArray("lift_capture");
        double[][] rows = {{0.05, 1, 1, 2.0}, {0.1, 1, 1, 2.0}, {0.2, 2, 2, 2.0}};
        for (double[] l : rows) {
            ObjectNode n = lift.addObject();
            n.put("top_fraction", l[0]);
            n.put("users_contacted", (long) l[1]);
            n.put("churners_reached", (long) l[2]);
            n.set("capture", iv(l[2] / 3, 0.2, 0.9));
            n.put("lift", l[3]);
        }
        if (withTruth) {
            ObjectNode t = w.putObject("ground_truth");
            t.put("definition", "planted");
            t.set("mean_abs_error", iv(0.04, 0.03, 0.05));
            t.set("ece_vs_truth_equal_mass_10", iv(0.01, 0.005, 0.02));
            t.set("ece_vs_truth_equal_width_10", iv(0.012, 0.006, 0.022));
            t.set("truth_brier", iv(0.08, 0.06, 0.1));
            t.set("truth_auc_roc", iv(truthAuc, truthAuc - 0.05, truthAuc + 0.02));
            t.put("mean_true_probability", 0.45);
            t.set("all_scored_users", json("{\"users\": 7, \"mean_abs_error\": 0.041, \"ece_vs_truth_equal_mass_10\": 0.011}"));
        }
        return w;
    }

    private static ObjectNode baseline(ObjectNode m, double auc, double pr, double logLoss, double brier, double ece) {
        m.set("auc_roc", iv(auc, auc - 0.1, Math.min(1, auc + 0.05)));
        m.set("pr_auc_average_precision", iv(pr, pr - 0.15, Math.min(1, pr + 0.05)));
        m.set("log_loss", iv(logLoss, logLoss - 0.05, logLoss + 0.05));
        m.set("brier", iv(brier, brier - 0.02, brier + 0.02));
        m.set("ece_equal_mass_10", iv(ece, ece / 2, ece * 2 + 0.01));
        return m;
    }
}
