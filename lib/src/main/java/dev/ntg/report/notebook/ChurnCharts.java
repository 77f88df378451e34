package dev.ntg.report.notebook;

import dev.ntg.io.PathCatalog;
import dev.ntg.report.ChurnOutcomes;
import dev.ntg.report.figures.ChurnFigures;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The churn figures of the HTML report, drawn for a notebook from the same artifacts: the builders are
 * {@link ChurnFigures}'s, so the notebook and {@code reports/index.html} can never show different pictures.
 */
public final class ChurnCharts {
    private ChurnCharts() {
    }

    /** The TEST reliability diagram with each bin's 95% band, from {@code churn.json}. */
    public static Chart<?, ?> reliability(Artifacts art) {
        return ChurnFigures.reliability(art.report(PathCatalog.CHURN_REPORT)).chart();
    }

    /** Histograms of the calibrated TEST probability for churned and retained users, from {@code scores.parquet}. */
    public static Chart<?, ?> scoreHistograms(Artifacts art) {
        ChurnOutcomes test = testOutcomes(art);
        return ChurnFigures.scoreHistograms(test.p(), test.churned()).chart();
    }

    /** The TEST cumulative gain curve from {@code scores.parquet} (the report's lifts are in {@link ChurnCalibrationReport#liftCapture}). */
    public static Chart<?, ?> gain(Artifacts art) {
        ChurnOutcomes test = testOutcomes(art);
        return ChurnFigures.gain(test.p(), test.churned(), art.report(PathCatalog.CHURN_REPORT)).chart();
    }

    private static ChurnOutcomes testOutcomes(Artifacts art) {
        return ChurnOutcomes.read(art.duck(), art.path(PathCatalog.CHURN_SCORES), "test");
    }
}
