package dev.ntg.report.figures;

import com.fasterxml.jackson.databind.JsonNode;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import java.util.List;
import java.util.Locale;

/** The item graph: degree distributions and the popularity of neighbours. */
public final class GraphFigures {
    private GraphFigures() {
    }

    /** How many items have a given degree. */
    public record DegreeCount(long degree, long items) {
    }

    /** One popularity decile of source items: their mean popularity and that of their graph neighbours. */
    public record PopularityDecile(int decile, double sourcePopularity, double neighbourPopularity) {
    }

    /** In- and out-degree distributions on log–log axes; items of degree 0 cannot be drawn there and are counted in the caption. */
    public static Figure degrees(List<DegreeCount> inDegree, List<DegreeCount> outDegree, JsonNode diagnostics) {
        XYChart c = Plots.xy("Item graph: degree distributions (log–log)", "degree (edges per item)", "items with this degree (count)");
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisLogarithmic(true);
        boolean any = addScatter(c, "in-degree", inDegree);
        any |= addScatter(c, "out-degree", outDegree);
        if (!any) Plots.noData(c);
        long zeroIn = diagnostics.path("hubness").path("zero_in_degree").asLong(0);
        return new Figure("graph_degree", String.format(Locale.ROOT, "Out-degree is capped at top_k = %d; a heavy in-degree tail "
                + "means a few hub items are everyone's neighbour (in-degree Gini %.2f; %d items with in-degree 0 are not drawn).",
                diagnostics.path("settings").path("top_k").asInt(), diagnostics.path("hubness").path("gini").asDouble(), zeroIn), c);
    }

    private static boolean addScatter(XYChart c, String name, List<DegreeCount> counts) {
        List<DegreeCount> positive = counts.stream().filter(d -> d.degree() > 0 && d.items() > 0).toList();
        if (positive.isEmpty()) return false;
        XYSeries s = c.addSeries(name, positive.stream().mapToDouble(DegreeCount::degree).toArray(),
                positive.stream().mapToDouble(DegreeCount::items).toArray());
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        return true;
    }

    /** Mean popularity of source items and of their neighbours, by source popularity decile. */
    public static Figure popularityBias(List<PopularityDecile> deciles, JsonNode diagnostics) {
        XYChart c = Plots.xy("Item graph: neighbour popularity bias", "source item popularity decile (1 = least popular)",
                "mean TRAIN users per item (count, log scale)");
        c.getStyler().setYAxisLogarithmic(true);
        deciles = deciles.stream().filter(d -> d.sourcePopularity() > 0 && d.neighbourPopularity() > 0).toList();
        if (deciles.isEmpty()) deciles = List.of(new PopularityDecile(1, 1, 1));
        double[] x = deciles.stream().mapToDouble(PopularityDecile::decile).toArray();
        XYSeries src = c.addSeries("source items", x, deciles.stream().mapToDouble(PopularityDecile::sourcePopularity).toArray());
        XYSeries nb = c.addSeries("their neighbours", x, deciles.stream().mapToDouble(PopularityDecile::neighbourPopularity).toArray());
        src.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        nb.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        return new Figure("graph_popularity_bias", String.format(Locale.ROOT, "Where the neighbour line lies above the source line, "
                + "the graph points from niche items towards popular ones; overall a neighbour's popularity rank is %.2f× its source's.",
                diagnostics.path("popularity_bias").path("neighbour_to_source_rank_ratio").asDouble()), c);
    }

    /** Bins of the edge-weight histogram: fine enough to show the shape, coarse enough that each bin holds edges. */
    static final int SIMILARITY_BINS = 40;

    /** Histogram of the kept edges' similarity (the configured measure), from the weakest to the strongest edge. */
    public static Figure similarity(double[] similarity, JsonNode diagnostics) {
        String measure = diagnostics.path("settings").path("measure").asText("similarity");
        XYChart c = Plots.xy("Item graph: edge weights", measure + " similarity of an edge (" + SIMILARITY_BINS + " equal-width bins)",
                "edges in bin (% of kept edges)");
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setXAxisDecimalPattern("0.##");
        if (similarity.length == 0) {
            Plots.noData(c);
        } else {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (double v : similarity) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            Plots.shareHistograms(c, similarity, new int[similarity.length], List.of("kept edges"), lo, hi, SIMILARITY_BINS);
        }
        JsonNode d = diagnostics.path("similarity");
        return new Figure("graph_similarity", String.format(Locale.ROOT, "Each item keeps its top_k = %d neighbours, so the left edge "
                        + "(%.3g) is the weakest %s that still made some item's list; median %.3g, 90th percentile %.3g.",
                diagnostics.path("settings").path("top_k").asInt(), d.path("min").asDouble(), measure, d.path("median").asDouble(),
                d.path("p90").asDouble()), c);
    }
}
