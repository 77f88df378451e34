package dev.ntg.report.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ntg.io.PathCatalog;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.ntg.report.notebook.ReportValues.format;
import static dev.ntg.report.notebook.ReportValues.interval;

/**
 * Whether the churn probabilities can be read as probabilities, on TEST (notebook 04): the stage's reliability curve
 * and Brier decomposition, the risk bands the scores are cut into, lift at the top of the list, and, on the synthetic
 * service, the distance to the planted true probabilities. Report values are shown as written; the only aggregates
 * computed here are counts per risk band from {@code scores.parquet}, which the report does not hold.
 */
public final class ChurnCalibrationReport {
    private ChurnCalibrationReport() {
    }

    /** The TEST reliability curve: per equal-mass bin, mean prediction, observed rate, its 95% band, and whether the prediction lies in it. */
    public static Table reliability(Artifacts art) {
        return reliability(art.report(PathCatalog.CHURN_REPORT));
    }

    static Table reliability(JsonNode churn) {
        IntColumn bin = IntColumn.create("bin");
        LongColumn users = LongColumn.create("users");
        DoubleColumn predicted = DoubleColumn.create("mean predicted");
        DoubleColumn observed = DoubleColumn.create("observed rate");
        StringColumn band = StringColumn.create("observed 95% band");
        BooleanColumn inside = BooleanColumn.create("prediction in band");
        for (JsonNode b : ChurnReport.window(churn, "test").path("reliability_curve")) {
            bin.append(b.path("bin").asInt());
            users.append(b.path("users").asLong());
            double p = ReportValues.value(b.path("mean_predicted"));
            predicted.append(p);
            observed.append(ReportValues.value(b.path("observed_rate")));
            band.append(ReportValues.bounds(b.path("observed_lower"), b.path("observed_upper"), 3));
            inside.append(p >= ReportValues.value(b.path("observed_lower")) && p <= ReportValues.value(b.path("observed_upper")));
        }
        predicted.setPrintFormatter(Formats.grouped(4));
        observed.setPrintFormatter(Formats.grouped(4));
        return Table.create("reliability on TEST (churn.json, equal-mass bins)", bin, users, predicted, observed, band, inside);
    }

    /**
     * How many bins have their mean prediction inside the observed rate's band, which bins have a zero-width band (no or
     * only churners in the bin: a bootstrap cannot move such a rate, so the check says nothing there), and the misses.
     */
    public static String reliabilityVerdict(Artifacts art) {
        return reliabilityVerdict(reliability(art));
    }

    static String reliabilityVerdict(Table curve) {
        List<String> misses = new ArrayList<>();
        List<String> degenerate = new ArrayList<>();
        int inside = 0;
        for (Row r : curve) {
            double obs = r.getDouble("observed rate");
            if (r.getBoolean("prediction in band")) {
                inside++;
            } else if (obs == 0.0 || obs == 1.0) {
                degenerate.add(String.format(Locale.ROOT, "bin %d (%s of %d churned, predicted %.4f, i.e. %.1f expected churners)",
                        r.getInt("bin"), obs == 0.0 ? "none" : "all", r.getLong("users"), r.getDouble("mean predicted"),
                        r.getDouble("mean predicted") * r.getLong("users")));
            } else {
                misses.add(String.format(Locale.ROOT, "bin %d (predicted %.3f, observed %.3f %s)", r.getInt("bin"), r.getDouble("mean predicted"),
                        obs, r.getString("observed 95% band")));
            }
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d of %d bins have the mean prediction inside the observed rate's 95%% band.",
                inside, curve.rowCount()));
        if (!degenerate.isEmpty()) {
            s.append(" Zero-width band, so the check is void there: ").append(String.join("; ", degenerate)).append('.');
        }
        int informative = curve.rowCount() - degenerate.size();
        s.append(misses.isEmpty() ? " No bin misses its band." : " Outside the band: " + String.join("; ", misses)
                + String.format(Locale.ROOT, ". With %d informative bins and 95%% bands, at least one miss happens by chance %.0f%% of the "
                + "time (1 − 0.95^%d); several misses on the same side would be a pattern.", informative,
                100 * (1 - Math.pow(0.95, informative)), informative));
        return s.toString();
    }

    /** Murphy's decomposition of the TEST Brier score, and the check that its terms add up to the reported score. */
    public static Table brierDecomposition(Artifacts art) {
        return brierDecomposition(art.report(PathCatalog.CHURN_REPORT));
    }

    static Table brierDecomposition(JsonNode churn) {
        JsonNode chosen = ChurnReport.window(churn, "test").path("models").path("chosen");
        JsonNode d = chosen.path("brier_decomposition");
        double rel = ReportValues.value(d.path("reliability"));
        double res = ReportValues.value(d.path("resolution"));
        double unc = ReportValues.value(d.path("uncertainty"));
        double within = ReportValues.value(d.path("within_bin"));
        StringColumn term = StringColumn.create("term");
        DoubleColumn value = DoubleColumn.create("value");
        StringColumn meaning = StringColumn.create("meaning");
        term.append("reliability");
        value.append(rel);
        meaning.append("miscalibration: squared gap between predicted and observed per bin (0 is perfect)");
        term.append("resolution");
        value.append(res);
        meaning.append("how far the bins' observed rates spread from the base rate (higher separates better)");
        term.append("uncertainty");
        value.append(unc);
        meaning.append("base rate × (1 − base rate): the Brier score of always predicting the base rate");
        term.append("within-bin");
        value.append(within);
        meaning.append("what binning " + d.path("bins").asText() + " leaves over (variance of predictions inside bins)");
        term.append("reliability − resolution + uncertainty + within-bin");
        value.append(rel - res + unc + within);
        meaning.append("cross-check: must equal the reported Brier score below");
        term.append("Brier score (reported)");
        value.append(ReportValues.value(chosen.path("brier").path("estimate")));
        meaning.append("mean squared error of the probabilities on TEST");
        value.setPrintFormatter(Formats.grouped(5));
        return Table.create("Brier score decomposition on TEST (churn.json)", term, value, meaning);
    }

    /**
     * The TEST users per risk band ({@code churn.risk_bands} thresholds on the calibrated probability): how many, their mean
     * prediction, the observed churn rate among the labelled ones, and each band's share of all churners.
     */
    public static Table riskBands(Artifacts art) {
        JsonNode churn = art.report(PathCatalog.CHURN_REPORT);
        Table counts = art.query("SELECT risk_band, count(*) AS users, avg(p_calibrated) AS mean_p, count(churned) AS labelled, "
                + "count(*) FILTER (WHERE churned) AS churned FROM " + art.parquet(PathCatalog.CHURN_SCORES)
                + " WHERE split = 'test' GROUP BY risk_band", "risk bands");
        return riskBands(churn.path("risk_bands"), counts);
    }

    /** From the report's band definition and per-band counts (risk_band, users, mean_p, labelled, churned). */
    static Table riskBands(JsonNode bands, Table counts) {
        List<String> names = new ArrayList<>();
        bands.path("names").forEach(n -> names.add(n.asText()));
        List<Double> thresholds = new ArrayList<>();
        bands.path("thresholds").forEach(n -> thresholds.add(n.asDouble()));
        long allUsers = (long) counts.longColumn("users").sum();
        long allChurned = (long) counts.longColumn("churned").sum();
        StringColumn band = StringColumn.create("band");
        StringColumn range = StringColumn.create("calibrated p");
        LongColumn users = LongColumn.create("users");
        DoubleColumn userShare = DoubleColumn.create("of users");
        DoubleColumn meanP = DoubleColumn.create("mean predicted");
        DoubleColumn rate = DoubleColumn.create("observed churn rate");
        LongColumn churned = LongColumn.create("churned");
        DoubleColumn churnShare = DoubleColumn.create("of all churners");
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            band.append(name);
            range.append(i == 0 ? "p < " + thresholds.get(0)
                    : i == names.size() - 1 ? "p ≥ " + thresholds.get(i - 1)
                    : thresholds.get(i - 1) + " ≤ p < " + thresholds.get(i));
            int r = counts.stringColumn("risk_band").indexOf(name);
            long n = r < 0 ? 0 : counts.longColumn("users").get(r);
            long labelled = r < 0 ? 0 : counts.longColumn("labelled").get(r);
            long c = r < 0 ? 0 : counts.longColumn("churned").get(r);
            users.append(n);
            userShare.append(allUsers == 0 ? Double.NaN : (double) n / allUsers);
            meanP.append(r < 0 ? Double.NaN : counts.doubleColumn("mean_p").get(r));
            rate.append(labelled == 0 ? Double.NaN : (double) c / labelled);
            churned.append(c);
            churnShare.append(allChurned == 0 ? Double.NaN : (double) c / allChurned);
        }
        userShare.setPrintFormatter(Formats.percent(1));
        churnShare.setPrintFormatter(Formats.percent(1));
        meanP.setPrintFormatter(Formats.grouped(3));
        rate.setPrintFormatter(Formats.grouped(3));
        return Table.create("risk bands on TEST (scores.parquet; thresholds from churn.json)", band, range, users, userShare, meanP, rate,
                churned, churnShare);
    }

    /** Lift and capture at the top of the TEST list, as the report states them. */
    public static Table liftCapture(Artifacts art) {
        return liftCapture(art.report(PathCatalog.CHURN_REPORT));
    }

    static Table liftCapture(JsonNode churn) {
        StringColumn top = StringColumn.create("top of list");
        LongColumn contacted = LongColumn.create("users contacted");
        LongColumn reached = LongColumn.create("churners reached");
        StringColumn capture = StringColumn.create("capture (share of all churners) [95%]");
        DoubleColumn lift = DoubleColumn.create("lift over random");
        for (JsonNode l : ChurnReport.window(churn, "test").path("lift_capture")) {
            top.append(format(100 * l.path("top_fraction").asDouble(), 0) + "%");
            contacted.append(l.path("users_contacted").asLong());
            reached.append(l.path("churners_reached").asLong());
            capture.append(interval(l.path("capture"), 3));
            lift.append(ReportValues.value(l.path("lift")));
        }
        lift.setPrintFormatter(Formats.grouped(2));
        return Table.create("lift and capture on TEST (churn.json)", top, contacted, reached, capture, lift);
    }

    /**
     * On synthetic data: the model against the planted true probabilities, per window (distance, calibration against
     * the truth, and the truth's own AUC and Brier score: the best any model could do on these users). Empty elsewhere.
     */
    public static Table groundTruth(Artifacts art) {
        return groundTruth(art.report(PathCatalog.CHURN_REPORT));
    }

    static Table groundTruth(JsonNode churn) {
        StringColumn quantity = StringColumn.create("quantity");
        List<StringColumn> windows = List.of(StringColumn.create("VAL"), StringColumn.create("TEST"));
        if (hasTruth(churn)) {
            List<String[]> rows = List.of(
                    new String[]{"mean |p − p_true|", "/ground_truth/mean_abs_error"},
                    new String[]{"ECE against p_true, 10 equal-mass bins", "/ground_truth/ece_vs_truth_equal_mass_10"},
                    new String[]{"ECE against p_true, 10 equal-width bins", "/ground_truth/ece_vs_truth_equal_width_10"},
                    new String[]{"ROC AUC of the model", "/models/chosen/auc_roc"},
                    new String[]{"ROC AUC of p_true itself (the ceiling)", "/ground_truth/truth_auc_roc"},
                    new String[]{"Brier score of the model", "/models/chosen/brier"},
                    new String[]{"Brier score of p_true itself (the floor)", "/ground_truth/truth_brier"});
            for (String[] r : rows) quantity.append(r[0]);
            quantity.append("mean p_true vs observed churn rate");
            for (StringColumn c : windows) {
                JsonNode w = ChurnReport.window(churn, c.name().toLowerCase(Locale.ROOT));
                for (String[] r : rows) c.append(interval(w.at(r[1]), 4));
                c.append(format(w.path("ground_truth").path("mean_true_probability").asDouble(), 4) + " vs " + format(w.path("churn_rate").asDouble(), 4));
            }
        }
        return Table.create("against the planted true churn probabilities (churn.json ground_truth)", quantity, windows.get(0), windows.get(1));
    }

    /** One sentence on the truth comparison, or why there is none. */
    public static String groundTruthVerdict(Artifacts art) {
        return groundTruthVerdict(art.report(PathCatalog.CHURN_REPORT));
    }

    static String groundTruthVerdict(JsonNode churn) {
        if (!hasTruth(churn)) {
            return "No planted truth: the data source is '" + churn.path("dataset_source").asText()
                    + "', so the observed outcomes above are the only check of the probabilities.";
        }
        JsonNode test = ChurnReport.window(churn, "test");
        JsonNode truth = test.path("ground_truth");
        double auc = test.path("models").path("chosen").path("auc_roc").path("estimate").asDouble();
        double ceiling = truth.path("truth_auc_roc").path("estimate").asDouble();
        return String.format(Locale.ROOT, "On TEST the calibrated probabilities are on average %s away from the planted ones "
                        + "(all %,d scored users: %s). The model's AUC is %.3f where the true probabilities themselves reach %.3f on the same "
                        + "outcomes, so it recovers %.0f%% of the separation above chance that the data allow.",
                interval(truth.path("mean_abs_error"), 4), truth.path("all_scored_users").path("users").asLong(),
                format(truth.path("all_scored_users").path("mean_abs_error").asDouble(), 4), auc, ceiling,
                100 * (auc - 0.5) / (ceiling - 0.5));
    }

    private static boolean hasTruth(JsonNode churn) {
        return churn.path("evaluation").path("test").has("ground_truth") && churn.path("evaluation").path("val").has("ground_truth");
    }
}
