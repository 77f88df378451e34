package dev.ntg.report.figures;

import dev.ntg.data.SplitManifest;
import dev.ntg.report.notebook.SplitFigures;
import tech.tablesaw.api.Table;

/** Events over time, by split part. */
public final class SplitFigure {
    private SplitFigure() {
    }

    /** From a table (day, part, events) as {@code SplitReport.eventsPerDay} makes it. */
    public static Figure eventsOverTime(Table perDay, SplitManifest manifest) {
        return new Figure("events_by_split", "Events per UTC day, coloured by the part of the chronological split they fall in; "
                + "the vertical lines are the VAL and TEST cutoffs (" + manifest.valStart() + ", " + manifest.testStart() + ").",
                SplitFigures.eventsPerDay(perDay, manifest));
    }
}
