package dev.ntg.report.notebook;

import dev.ntg.io.PathCatalog;
import dev.ntg.report.FigureAggregates;
import dev.ntg.report.figures.GraphFigures;
import org.knowm.xchart.XYChart;

import java.util.List;

/**
 * The item graph's charts for notebook 02: the report's own figure builders ({@link GraphFigures}) fed from the
 * artifacts through the same aggregates the evaluate stage queries ({@link FigureAggregates}), so the two always
 * draw the same picture.
 */
public final class GraphCharts {
    private GraphCharts() {
    }

    /** In- and out-degree distributions on log–log axes. */
    public static XYChart degrees(Artifacts art) {
        String edges = art.parquet(PathCatalog.ITEM_EDGES);
        return (XYChart) GraphFigures.degrees(FigureAggregates.degreeCounts(art.duck(), edges, "dst"),
                FigureAggregates.degreeCounts(art.duck(), edges, "src"), art.report(PathCatalog.GRAPH_DIAGNOSTICS)).chart();
    }

    /** Mean popularity of source items and of their neighbours, by source popularity decile. */
    public static XYChart popularityBias(Artifacts art) {
        return (XYChart) GraphFigures.popularityBias(FigureAggregates.popularityDeciles(art.duck(), art.parquet(PathCatalog.TRAIN),
                art.parquet(PathCatalog.ITEM_EDGES)), art.report(PathCatalog.GRAPH_DIAGNOSTICS)).chart();
    }

    /** Histogram of the kept edges' similarity. */
    public static XYChart similarity(Artifacts art) {
        List<Double> sims = art.duck().query("SELECT similarity FROM " + art.parquet(PathCatalog.ITEM_EDGES) + " ORDER BY src, rank",
                rs -> rs.getDouble(1));
        double[] v = new double[sims.size()];
        for (int i = 0; i < v.length; i++) v[i] = sims.get(i);
        return (XYChart) GraphFigures.similarity(v, art.report(PathCatalog.GRAPH_DIAGNOSTICS)).chart();
    }
}
