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
        int baseline = 0;
        for (int i = 0; i < models.size(); i++) {
            JsonNode m = ranking.path("windows").path("test").path("models").path(models.get(i)).path("metrics").path(metric);
            if (m.isMissingNode()) continue;
            Color color = models.get(i).equals("ntg") ? NTG : PALETTE[baseline++ % PALETTE.length];
            Plots.intervalBar(c, models.get(i) + " interval", i, m.path("low").asDouble(), m.path("high").asDouble(), color);
            XYSeries p = c.addSeries(models.get(i), new double[]{i}, new double[]{m.path("estimate").asDouble()});
            p.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            p.setMarker(SeriesMarkers.CIRCLE);
            p.setMarkerColor(color);
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
