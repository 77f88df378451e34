package dev.ntg.report.notebook;

import dev.ntg.data.SplitManifest;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Figures of the chronological split (notebook 01). */
public final class SplitFigures {
    private SplitFigures() {
    }

    /** Events per day, one coloured series per part, with the two cutoffs drawn as vertical lines. */
    public static XYChart eventsPerDay(Artifacts art) {
        return eventsPerDay(SplitReport.eventsPerDay(art), art.splitManifest());
    }

    /** Events per day from a {@link SplitReport#eventsPerDay} table (day, part, events). */
    public static XYChart eventsPerDay(Table perDay, SplitManifest manifest) {
        XYChart chart = Charts.dateChart("Events per day by split part", "day (UTC)", "events per day (count)");
        chart.getStyler().setYAxisMin(0.0); // counts drawn as areas: an axis not starting at zero would mislead
        for (String part : SplitReport.PARTS) {
            List<Date> days = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            for (Row r : perDay) {
                if (!part.equals(r.getString("part"))) continue;
                LocalDate day = r.getDate("day");
                days.add(Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()));
                counts.add(r.getLong("events"));
            }
            if (days.isEmpty()) continue;
            XYSeries s = chart.addSeries(part, days, counts);
            s.setLineColor(Charts.PART_COLORS.get(part));
            s.setFillColor(Charts.PART_COLORS.get(part));
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        }
        if (manifest != null) {
            for (String cutoff : List.of(manifest.valStart(), manifest.testStart())) {
                chart.addAnnotation(new AnnotationLine(Instant.parse(cutoff).toEpochMilli(), true, false));
            }
        }
        return chart;
    }
}
