package dev.ntg.report.figures;

import com.fasterxml.jackson.databind.JsonNode;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Ranking quality on TEST: NTG against the baselines, with intervals, and by user segment. */
public final class RankingFigures {
    static final Color NTG = new Color(0xd6, 0x27, 0x28);
    /** Baseline colours (tab10 without its red, which is NTG's). */
    static final Color[] PALETTE = {new Color(0x1f, 0x77, 0xb4), new Color(0xff, 0x7f, 0x0e), new Color(0x2c, 0xa0, 0x2c),
            new Color(0x94, 0x67, 0xbd), new Color(0x8c, 0x56, 0x4b), new Color(0xe3, 0x77, 0xc2), new Color(0x7f, 0x7f, 0x7f),
            new Color(0xbc, 0xbd, 0x22), new Color(0x17, 0xbe, 0xcf)};
    private static final List<String> SEGMENTS = List.of("light", "medium", "heavy");

    private RankingFigures() {
    }

    /** The models of a window, NTG first, then the baselines in report order. */
    public static List<String> models(JsonNode ranking, String window) {
        List<String> out = new ArrayList<>();
        JsonNode models = ranking.path("windows").path(window).path("models");
        if (models.has("ntg")) out.add("ntg");
        models.fieldNames().forEachRemaining(m -> {
            if (!m.equals("ntg")) out.add(m);
        });
        return out;
    }

    public static String headlineMetric(JsonNode ranking) {
        return ranking.path("summary").path("headline_metric").asText("ndcg@10");
    }

    /** The headline metric per model on TEST, each with its bootstrap interval as a vertical bar. */
    public static Figure models(JsonNode ranking) {
        String metric = headlineMetric(ranking);
        List<String> models = models(ranking, "test");
        XYChart c = Plots.xy("Ranking on TEST: " + metric + " by model, 95% intervals", "model (one column each, named in the legend)",
                metric + " (0–1, higher is better)");
        // XChart's numeric x axis cannot carry category names, so each model is one column whose name is in the legend
        c.getStyler().setXAxisTicksVisible(false);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        c.getStyler().setXAxisMin(-0.5);
        c.getStyler().setXAxisMax(Math.max(models.size(), 1) - 0.5);
        boolean any = false;
        for (int i = 0; i < models.size(); i++) {
            JsonNode m = ranking.path("windows").path("test").path("models").path(models.get(i)).path("metrics").path(metric);
            if (m.isMissingNode()) continue;
            pointWithInterval(c, models.get(i), i, m, color(models, models.get(i)));
            any = true;
        }
        if (!any) {
            c.getStyler().setXAxisMin(0.0);
            c.getStyler().setXAxisMax(2.0);
            Plots.noData(c);
        }
        return new Figure("ranking_models", String.format(Locale.ROOT, "Each dot is a model's %s over TEST users with its percentile-bootstrap "
                + "interval (vertical bar); NTG (red, first) is the VAL-tuned blend, the rest are baselines; bars that do not overlap mean a clear difference.", metric), c);
    }

    /** NTG red; each baseline the palette colour of its place among the baselines, so a model keeps its colour across figures. */
    static Color color(List<String> models, String model) {
        if (model.equals("ntg")) return NTG;
        int i = models.stream().filter(m -> !m.equals("ntg")).toList().indexOf(model);
        return PALETTE[Math.max(i, 0) % PALETTE.length];
    }

    /** One model as a dot at (x, estimate) with its interval as a vertical bar (a missing bound draws no bar). */
    private static void pointWithInterval(XYChart c, String model, double x, JsonNode interval, Color color) {
        if (interval.path("low").isNumber() && interval.path("high").isNumber()) {
            Plots.intervalBar(c, model + " interval", x, interval.path("low").asDouble(), interval.path("high").asDouble(), color);
        }
        XYSeries p = c.addSeries(model, new double[]{x}, new double[]{interval.path("estimate").asDouble()});
        p.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        p.setMarker(SeriesMarkers.CIRCLE);
        p.setMarkerColor(color);
    }

    /**
     * Accuracy against popularity bias on one window: each model's headline metric (with its bootstrap interval) over the
     * mean TRAIN popularity of the items in its top K. Up and to the left is better on both counts.
     */
    public static Figure accuracyVsPopularity(JsonNode ranking, String window) {
        String metric = headlineMetric(ranking);
        String k = metric.substring(metric.indexOf('@') + 1);
        List<String> models = models(ranking, window);
        XYChart c = Plots.xy("Ranking on " + window.toUpperCase(Locale.ROOT) + ": " + metric + " against the popularity of what is recommended",
                "mean TRAIN popularity of the top " + k + " (distinct TRAIN users per item)", metric + " (0–1, higher is better)");
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        c.getStyler().setYAxisDecimalPattern("0.00");
        boolean any = false;
        for (String model : models) {
            JsonNode m = ranking.path("windows").path(window).path("models").path(model);
            JsonNode popularity = m.path("beyond_accuracy").path("avg_popularity@" + k);
            if (!popularity.isNumber() || !m.path("metrics").has(metric)) continue;
            pointWithInterval(c, model, popularity.asDouble(), m.path("metrics").path(metric), color(models, model));
            any = true;
        }
        if (!any) Plots.noData(c);
        return new Figure("ranking_accuracy_popularity", String.format(Locale.ROOT, "Each dot is a model's %s on %s (bar: bootstrap interval) "
                + "against the mean TRAIN popularity of the items in its top %s: models to the right lean on what everyone already watches; "
                + "a model up and to the left is both more accurate and less popularity-biased.", metric, window.toUpperCase(Locale.ROOT), k), c);
    }

    /**
     * The VAL search for NTG's blend weights (blend.json): the objective of every weight vector tried, in search order, one
     * colour per round, with the best so far as a line. Where the line stops rising the search has converged.
     */
    public static Figure blendSearch(JsonNode blend) {
        String objective = blend.path("objective").asText("ndcg@10");
        XYChart c = Plots.xy("Blend search on VAL: " + objective + " of each weight vector tried", "evaluation (search order)",
                "VAL " + objective + " (0–1, higher is better)");
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        JsonNode trace = blend.path("trace");
        int rounds = 0;
        for (JsonNode s : trace) rounds = Math.max(rounds, s.path("round").asInt());
        double[] x = new double[trace.size()];
        double[] best = new double[trace.size()];
        for (int i = 0; i < trace.size(); i++) {
            x[i] = i + 1;
            best[i] = Math.max(i == 0 ? Double.NEGATIVE_INFINITY : best[i - 1], trace.get(i).path("objective").asDouble());
        }
        for (int r = 0; r <= rounds; r++) {
            List<Double> rx = new ArrayList<>();
            List<Double> ry = new ArrayList<>();
            for (int i = 0; i < trace.size(); i++) {
                if (trace.get(i).path("round").asInt() != r) continue;
                rx.add(x[i]);
                ry.add(trace.get(i).path("objective").asDouble());
            }
            if (rx.isEmpty()) continue;
            XYSeries s = c.addSeries(r == 0 ? "start" : "round " + r, Plots.array(rx), Plots.array(ry));
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(PALETTE[r % PALETTE.length]);
        }
        if (trace.isEmpty()) Plots.noData(c);
        else Plots.line(c, "best so far", x, best).setLineColor(NTG);
        return new Figure("ranking_blend_search", "Each dot is one weight vector the coordinate search tried on VAL (colour: round), in the order "
                + "tried; the line is the best so far, and its last value is the chosen blend's VAL " + objective + ". TEST is not used.", c);
    }

    /** The segment metric per model for light, medium and heavy users on TEST. */
    public static Figure segments(JsonNode ranking) {
        String metric = headlineMetric(ranking);
        CategoryChart c = Plots.bars("Ranking on TEST: " + metric + " by user activity segment", "user segment (TRAIN activity)",
                metric + " (0–1, higher is better)");
        boolean any = false;
        for (String model : models(ranking, "test")) {
            JsonNode seg = ranking.path("windows").path("test").path("models").path(model).path("segments").path("users");
            List<String> xs = new ArrayList<>();
            List<Number> ys = new ArrayList<>();
            for (String s : SEGMENTS) {
                if (!seg.path(s).has(metric)) continue;
                xs.add(s + " (" + seg.path(s).path("users").asLong() + " users)");
                ys.add(seg.path(s).path(metric).asDouble());
            }
            if (!xs.isEmpty()) {
                c.addSeries(model, xs, ys);
                any = true;
            }
        }
        if (!any) c.addSeries("no segments", List.of("none"), List.of(0));
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        return new Figure("ranking_segments", "Point estimates by TRAIN-activity segment (light, medium, heavy users): where NTG's lead "
                + "shrinks or flips, the blend helps that segment less than the headline suggests.", c);
    }
}
