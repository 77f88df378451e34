package dev.ntg.report.notebook;

import dev.ntg.report.figures.SplitFigure;
import org.knowm.xchart.XYChart;

/** Figures of the chronological split (notebook 01): the report's own split figure, fed from the artifacts. */
public final class SplitFigures {
    private SplitFigures() {
    }

    /** Events per day, one coloured series per part, with the two cutoffs drawn as vertical lines. */
    public static XYChart eventsPerDay(Artifacts art) {
        return SplitFigure.eventsPerDay(SplitReport.eventsPerDay(art), art.splitManifest());
    }
}
