package dev.ntg.report.figures;

import com.fasterxml.jackson.databind.JsonNode;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Churn on TEST: reliability diagram, score histograms by label, cumulative gain. */
public final class ChurnFigures {
    private static final int HISTOGRAM_BINS = 20;

    private ChurnFigures() {
    }

    /** Observed churn rate against mean predicted probability per bin, with the binomial interval of each bin as a band. */
    public static Figure reliability(JsonNode churn) {
        JsonNode curve = churn.path("evaluation").path("test").path("reliability_curve");
        XYChart c = Plots.xy("Churn on TEST: reliability diagram, 95% band", "mean predicted churn probability (0–1)",
                "observed churn rate (0–1)");
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setXAxisMax(1.0);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.0);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        Plots.dashed(c, "perfect calibration", new double[]{0, 1}, new double[]{0, 1}, Plots.GREY);
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Double> lo = new ArrayList<>();
        List<Double> hi = new ArrayList<>();
        for (JsonNode b : curve) {
            if (b.path("users").asLong() == 0) continue;
            x.add(b.path("mean_predicted").asDouble());
            y.add(b.path("observed_rate").asDouble());
            lo.add(b.path("observed_lower").asDouble());
            hi.add(b.path("observed_upper").asDouble());
        }
        if (!x.isEmpty()) {
            Plots.dashed(c, "interval, upper", Plots.array(x), Plots.array(hi), Plots.BAND.darker()).setShowInLegend(false);
            Plots.dashed(c, "interval, lower", Plots.array(x), Plots.array(lo), Plots.BAND.darker()).setShowInLegend(false);
            for (int i = 0; i < x.size(); i++) Plots.intervalBar(c, "bin " + i, x.get(i), lo.get(i), hi.get(i), Plots.BAND.darker());
            XYSeries s = c.addSeries("observed (bins)", Plots.array(x), Plots.array(y));
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        return new Figure("churn_reliability", "Points on the diagonal mean a predicted 30% churns 30% of the time; the dashed band is each "
                + "bin's 95% interval of the observed rate, so a bin whose band misses the diagonal is miscalibrated.", c);
    }

    /** Histograms of the calibrated probability, normalised within each label, for churned and retained TEST users. */
    public static Figure scoreHistograms(double[] p, boolean[] churned) {
        XYChart c = Plots.xy("Churn on TEST: score distribution by outcome", "calibrated churn probability (0–1, bins of 0.05)",
                "users in bin (% of their outcome group)");
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setXAxisMax(1.0);
        c.getStyler().setYAxisMin(0.0);
        int[] group = new int[p.length];
        for (int i = 0; i < p.length; i++) group[i] = churned[i] ? 0 : 1;
        Plots.shareHistograms(c, p, group, List.of("churned", "retained"), 0, 1, HISTOGRAM_BINS);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideN);
        return new Figure("churn_score_histogram", "The less the two histograms overlap, the better the score separates users who "
                + "churned from those who stayed; each is normalised to its own group, so the shapes are comparable.", c);
    }

    /** Cumulative gain: share of churners reached when contacting the top fraction of users by score. */
    public static Figure gain(double[] p, boolean[] churned, JsonNode churn) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> p[a] != p[b] ? Double.compare(p[b], p[a]) : Integer.compare(a, b));
        long total = 0;
        for (boolean b : churned) if (b) total++;
        int points = Math.min(p.length, 200);
        double[] x = new double[points + 1];
        double[] y = new double[points + 1];
        long reached = 0;
        int next = 1;
        for (int r = 0; r < order.length && next <= points; r++) {
            if (churned[order[r]]) reached++;
            if (r + 1 >= (long) Math.ceil((double) next * order.length / points)) {
                x[next] = 100.0 * (r + 1) / order.length;
                y[next] = total == 0 ? 0 : 100.0 * reached / total;
                next++;
            }
        }
        XYChart c = Plots.xy("Churn on TEST: cumulative gain", "users contacted, highest scores first (% of scored users)",
                "churners reached (% of all churners)");
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setXAxisMax(100.0);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(100.0);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        Plots.dashed(c, "random targeting", new double[]{0, 100}, new double[]{0, 100}, Plots.GREY);
        Plots.line(c, "churn model", Arrays.copyOf(x, next), Arrays.copyOf(y, next));
        StringBuilder lifts = new StringBuilder();
        for (JsonNode l : churn.path("evaluation").path("test").path("lift_capture")) {
            if (lifts.length() > 0) lifts.append(", ");
            lifts.append(String.format(Locale.ROOT, "top %.0f%%: lift %.1f", 100 * l.path("top_fraction").asDouble(), l.path("lift").asDouble()));
        }
        return new Figure("churn_gain", "The higher the curve above the diagonal, the more churners a campaign of a given size reaches"
                + (lifts.length() > 0 ? " (" + lifts + ")." : "."), c);
    }
}
