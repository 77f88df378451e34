package dev.ntg.report.figures;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.List;
import java.util.Locale;

/** The benchmark: how each stage's time grows with the size of the log. */
public final class BenchFigures {
    private BenchFigures() {
    }

    /**
     * One stage across sizes.
     *
     * @param costExponent fitted slope of log time on log events, or null with fewer than two sizes
     */
    public record StageTimes(String stage, double[] events, double[] wallSeconds, Double costExponent) {
    }

    /** Wall time against events on log–log axes, one line per stage; the legend carries each stage's fitted slope. */
    public static Figure timeVsEvents(List<StageTimes> stages) {
        XYChart c = Plots.xy("Benchmark: wall time vs events (log–log)", "events in the synthetic log (count)", "wall time (seconds)");
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        boolean any = false;
        for (StageTimes s : stages) {
            int n = 0;
            for (double w : s.wallSeconds()) if (w > 0) n++;
            if (n == 0) continue;   // a zero time cannot be drawn on a log axis
            double[] x = new double[n], y = new double[n];
            for (int i = 0, k = 0; i < s.wallSeconds().length; i++) {
                if (s.wallSeconds()[i] > 0) {
                    x[k] = s.events()[i];
                    y[k++] = s.wallSeconds()[i];
                }
            }
            String label = s.costExponent() == null ? s.stage() : String.format(Locale.ROOT, "%s (slope %.2f)", s.stage(), s.costExponent());
            XYSeries series = c.addSeries(label, x, y);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            series.setMarker(SeriesMarkers.CIRCLE);
            any = true;
        }
        if (!any) Plots.noData(c);
        return new Figure("bench_time_vs_events", "Each line is one stage; its slope on these axes is the cost exponent "
                + "(1 = time grows linearly with events, 2 = quadratically), fitted by least squares and given in the legend.", c);
    }
}
