package dev.ntg.report.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ntg.io.PathCatalog;
import dev.ntg.report.FigureAggregates;
import dev.ntg.report.figures.TasteFigures;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;

import java.util.List;

/**
 * The taste axes' charts for notebook 03: the report's own figure builders ({@link TasteFigures}) fed from the
 * artifacts; the users-per-axis count comes from {@link FigureAggregates}, as in the evaluate stage.
 */
public final class TasteCharts {
    private TasteCharts() {
    }

    /** Items on each axis and users whose dominant axis it is. */
    public static CategoryChart axes(Artifacts art) {
        return (CategoryChart) TasteFigures.axes(art.report(PathCatalog.TASTE_DIAGNOSTICS),
                FigureAggregates.usersByDominantAxis(art.duck(), art.parquet(PathCatalog.USER_TASTE))).chart();
    }

    /** User diversity, for users whose own items outweigh the smoothing prior and for the rest. */
    public static XYChart diversity(Artifacts art) {
        List<double[]> rows = art.duck().query("SELECT diversity, items FROM " + art.parquet(PathCatalog.USER_TASTE) + " ORDER BY user_id",
                rs -> new double[]{rs.getDouble(1), rs.getLong(2)});
        double[] diversity = new double[rows.size()];
        long[] items = new long[rows.size()];
        for (int u = 0; u < diversity.length; u++) {
            diversity[u] = rows.get(u)[0];
            items[u] = (long) rows.get(u)[1];
        }
        JsonNode diagnostics = art.report(PathCatalog.TASTE_DIAGNOSTICS);
        return (XYChart) TasteFigures.diversity(diversity, items, diagnostics.path("settings").path("smoothing").asDouble()).chart();
    }

    /** Cumulative variance explained by the latent factors. */
    public static XYChart explainedVariance(Artifacts art) {
        return (XYChart) TasteFigures.explainedVariance(art.report(PathCatalog.TASTE_DIAGNOSTICS)).chart();
    }
}
