package dev.ntg.report.figures;

import dev.ntg.data.SplitManifest;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

import java.awt.Color;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Events over time, by split part. */
public final class SplitFigure {
    /** The parts of the chronological split, in time order. */
    public static final List<String> PARTS = List.of("train", "val", "test");

    /** One colour per split part, the same in every figure. */
    static final Map<String, Color> PART_COLORS = Map.of(
            "train", new Color(0x1f, 0x77, 0xb4),
            "val", new Color(0xff, 0x7f, 0x0e),
            "test", new Color(0x2c, 0xa0, 0x2c));

    private SplitFigure() {
    }

    /** From a table (day, part, events) as {@code FigureAggregates.eventsPerDay} makes it. */
    public static Figure eventsOverTime(Table perDay, SplitManifest manifest) {
        return new Figure("events_by_split", "Events per UTC day, coloured by the part of the chronological split they fall in; "
                + "the vertical lines are the VAL and TEST cutoffs (" + manifest.valStart() + ", " + manifest.testStart() + ").",
                eventsPerDay(perDay, manifest));
    }

    /** Events per day, one coloured series per part, with the two cutoffs drawn as vertical lines (none without a manifest). */
    public static XYChart eventsPerDay(Table perDay, SplitManifest manifest) {
        XYChart chart = Plots.dateChart("Events per day by split part", "day (UTC)", "events per day (count)");
        chart.getStyler().setYAxisMin(0.0); // counts drawn as areas: an axis not starting at zero would mislead
        for (String part : PARTS) {
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
            s.setLineColor(PART_COLORS.get(part));
            s.setFillColor(PART_COLORS.get(part));
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
