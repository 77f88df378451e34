package dev.ntg.report.notebook;

import dev.ntg.report.figures.RankingFigures;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The ranking figures for notebook 05, read from the same artifacts and drawn by the same builders
 * ({@link RankingFigures}) as the HTML report's, so the notebook and the report cannot show different pictures.
 */
public final class RankingEvalFigures {
    private RankingEvalFigures() {
    }

    /** The headline metric per model on TEST with bootstrap intervals (the report's {@code ranking_models} figure). */
    public static Chart<?, ?> models(Artifacts art) {
        return RankingFigures.models(RankingEvalReport.ranking(art)).chart();
    }

    /** The headline metric per user activity segment on TEST (the report's {@code ranking_segments} figure). */
    public static Chart<?, ?> segments(Artifacts art) {
        return RankingFigures.segments(RankingEvalReport.ranking(art)).chart();
    }

    /** The VAL search for the blend weights, from blend.json. */
    public static Chart<?, ?> blendSearch(Artifacts art) {
        return RankingFigures.blendSearch(BlendReport.blend(art)).chart();
    }

    /** Accuracy against the popularity of what each model recommends, on one window. */
    public static Chart<?, ?> accuracyVsPopularity(Artifacts art, String window) {
        RankingEvalReport.window(RankingEvalReport.ranking(art), window);
        return RankingFigures.accuracyVsPopularity(RankingEvalReport.ranking(art), window).chart();
    }
}
