package dev.ntg.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ntg.io.PathCatalog;
import dev.ntg.report.figures.RankingFigures;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run's headline numbers, read from the stage reports, each with a sentence of interpretation. */
public final class Headlines {
    private Headlines() {
    }

    /** Headlines from whichever of the reports are given (null ones are skipped). */
    public static List<Headline> of(JsonNode ranking, JsonNode churn, JsonNode decisions, JsonNode graph, JsonNode taste) {
        List<Headline> out = new ArrayList<>();
        if (ranking != null) ranking(ranking, out);
        if (churn != null) churn(churn, out);
        if (decisions != null) decisions(decisions, out);
        if (graph != null) {
            out.add(new Headline("graph.coverage", "item graph: share of items with a neighbour", graph.path("coverage").asDouble(), null, null,
                    "share (0–1)", String.format(Locale.ROOT, "%d edges over %d items; %.1f%% of items have at least one neighbour, so "
                            + "item-kNN can recommend from nearly the whole catalogue.", graph.path("edges").asLong(), graph.path("nodes").asLong(),
                    100 * graph.path("coverage").asDouble()), PathCatalog.GRAPH_DIAGNOSTICS.relativePath()));
        }
        if (taste != null && taste.path("stability").has("bootstrap_mean_ari")) {
            double ari = taste.path("stability").path("bootstrap_mean_ari").asDouble();
            out.add(new Headline("taste.stability_ari", "taste axes: bootstrap stability (mean ARI)", ari, null, null, "ARI (−0.5–1)",
                    String.format(Locale.ROOT, "Refitting the %d axes on bootstrap resamples of TRAIN users reproduces the item assignment "
                            + "with mean adjusted Rand index %.2f (1 = identical, 0 = chance): %s.", taste.path("axes").size(), ari,
                    ari >= 0.6 ? "the axes are stable enough to name" : "read the axis names as tentative"),
                    PathCatalog.TASTE_DIAGNOSTICS.relativePath()));
        }
        return out;
    }

    private static void ranking(JsonNode r, List<Headline> out) {
        String metric = RankingFigures.headlineMetric(r);
        JsonNode models = r.path("windows").path("test").path("models");
        JsonNode ntg = models.path("ntg").path("metrics").path(metric);
        if (ntg.isMissingNode()) return;
        String best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (Iterator<Map.Entry<String, JsonNode>> it = models.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().equals("ntg")) continue;
            double v = e.getValue().path("metrics").path(metric).path("estimate").asDouble(Double.NEGATIVE_INFINITY);
            if (v > bestValue) {
                bestValue = v;
                best = e.getKey();
            }
        }
        String comparison = "";
        if (best != null) {
            JsonNode b = models.path(best).path("metrics").path(metric);
            boolean significant = r.path("summary").path("test").path("ntg_beats_baseline_significantly").path(best).asBoolean(false);
            comparison = String.format(Locale.ROOT, " The best baseline, %s, scores %.3f [%.3f, %.3f]; %s.", best, b.path("estimate").asDouble(),
                    b.path("low").asDouble(), b.path("high").asDouble(), significant
                            ? "the paired bootstrap says NTG's lead is significant"
                            : "the paired bootstrap cannot tell them apart");
        }
        out.add(new Headline("ranking.ntg." + metric, "ranking: NTG " + metric + " on TEST", ntg.path("estimate").asDouble(),
                ntg.path("low").asDouble(), ntg.path("high").asDouble(), "0–1",
                String.format(Locale.ROOT, "NTG's VAL-tuned blend reaches %s %.3f on users' future TEST items.%s", metric,
                        ntg.path("estimate").asDouble(), comparison), PathCatalog.RANKING_REPORT.relativePath()));
    }

    private static void churn(JsonNode c, List<Headline> out) {
        JsonNode test = c.path("evaluation").path("test");
        JsonNode auc = test.path("models").path("chosen").path("auc_roc");
        if (!auc.isMissingNode()) {
            double recency = test.path("models").path("recency").path("auc_roc").path("estimate").asDouble(Double.NaN);
            out.add(new Headline("churn.auc_roc", "churn: ROC AUC on TEST", auc.path("estimate").asDouble(), auc.path("lower").asDouble(),
                    auc.path("upper").asDouble(), "0–1", String.format(Locale.ROOT, "The churn model ranks a random churner above a random "
                            + "retained user %.1f%% of the time%s.", 100 * auc.path("estimate").asDouble(), Double.isNaN(recency) ? ""
                            : String.format(Locale.ROOT, " (recency-only baseline: %.1f%%)", 100 * recency)),
                    PathCatalog.CHURN_REPORT.relativePath()));
        }
        JsonNode ece = test.path("models").path("chosen").path("ece_equal_mass_10");
        if (!ece.isMissingNode()) {
            out.add(new Headline("churn.ece", "churn: expected calibration error on TEST", ece.path("estimate").asDouble(),
                    ece.path("lower").asDouble(), ece.path("upper").asDouble(), "probability (0–1)",
                    String.format(Locale.ROOT, "Predicted churn probabilities are off by %.1f percentage points on average "
                                    + "(10 equal-mass bins), so they can be used as probabilities in the value model.",
                            100 * ece.path("estimate").asDouble()), PathCatalog.CHURN_REPORT.relativePath()));
        }
    }

    private static void decisions(JsonNode d, List<Headline> out) {
        JsonNode var = d.path("totals").path("value_at_risk");
        if (!var.isMissingNode()) {
            out.add(new Headline("decisions.value_at_risk", "decisions: value at risk", var.path("estimate").asDouble(),
                    var.path("lower").asDouble(), var.path("upper").asDouble(), "currency units",
                    String.format(Locale.ROOT, "The %d users scored at the TEST cutoff carry %.0f of expected future value that churn "
                            + "would remove.", d.path("population").path("users").asLong(), var.path("estimate").asDouble()),
                    PathCatalog.DECISIONS_REPORT.relativePath()));
        }
        JsonNode plan = d.path("plan");
        if (plan.has("expected_net_value")) {
            out.add(new Headline("decisions.plan_net_value", "decisions: expected net value of the plan", plan.path("expected_net_value").asDouble(),
                    null, null, "currency units", String.format(Locale.ROOT, "Spending %.0f of the %.0f budget on %d users is expected to "
                            + "return %.0f net (ROI %.2f), if the ASSUMED action effects hold; the experiment design is how to check them.",
                    plan.path("spend").asDouble(), plan.path("budget").asDouble(), plan.path("users").asLong(),
                    plan.path("expected_net_value").asDouble(), plan.path("roi").asDouble()), PathCatalog.DECISIONS_REPORT.relativePath()));
        }
    }

    /** {@code 0.173 [0.165, 0.181]} or {@code 0.173} without an interval. */
    public static String format(Headline h) {
        String v = number(h.estimate());
        return h.hasInterval() ? v + " [" + number(h.lower()) + ", " + number(h.upper()) + "]" : v;
    }

    static String number(double v) {
        double a = Math.abs(v);
        if (a >= 1000) return String.format(Locale.ROOT, "%,.0f", v);
        if (a >= 10) return String.format(Locale.ROOT, "%.1f", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
