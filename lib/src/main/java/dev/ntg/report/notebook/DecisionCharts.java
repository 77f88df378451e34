package dev.ntg.report.notebook;

import dev.ntg.io.PathCatalog;
import dev.ntg.report.figures.DecisionFigures;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The retention-decision figures of the HTML report, drawn for a notebook from {@code decisions.json} by
 * {@link DecisionFigures}' own builders, so the notebook and {@code reports/index.html} show the same pictures.
 */
public final class DecisionCharts {
    private DecisionCharts() {
    }

    /** Expected net value and spend of the re-optimised plan at 0.1× … 2× the budget, the configured budget marked. */
    public static Chart<?, ?> budgetCurve(Artifacts art) {
        return DecisionFigures.budgetCurve(art.report(PathCatalog.DECISIONS_REPORT)).chart();
    }

    /** Net value when the assumed effects are scaled: the plan re-optimised, and the base plan kept as it is. */
    public static Chart<?, ?> sensitivity(Artifacts art) {
        return DecisionFigures.sensitivity(art.report(PathCatalog.DECISIONS_REPORT)).chart();
    }

    /** Each action's power curve at the users the plan gives it, with the target power as a line. */
    public static Chart<?, ?> powerCurves(Artifacts art) {
        return DecisionFigures.powerCurves(art.report(PathCatalog.DECISIONS_REPORT)).chart();
    }
}
