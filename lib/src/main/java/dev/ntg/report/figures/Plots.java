package dev.ntg.report.figures;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.util.List;
import java.util.TimeZone;

/** The house style for report figures, which the notebooks draw too. */
final class Plots {
    static final int WIDTH = 860;
    static final int HEIGHT = 400;
    static final Color GREY = new Color(0x88, 0x88, 0x88);
    static final Color BAND = new Color(0x1f, 0x77, 0xb4, 0x55);

    static {
        // Building a chart loads AWT's fonts, which fixes headless mode for the JVM: set it before the first chart.
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private Plots() {
    }

    /** An XY chart with a date x axis in UTC, at the notebooks' size (the split figure is drawn for both). */
    static XYChart dateChart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(900).height(380).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setTimezone(TimeZone.getTimeZone("UTC"));
        chart.getStyler().setDatePattern("yyyy-MM-dd");
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setMarkerSize(0);
        return chart;
    }

    static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        c.getStyler().setPlotGridVerticalLinesVisible(false);
        c.getStyler().setMarkerSize(6);
        c.getStyler().setAntiAlias(true);
        return c;
    }

    static CategoryChart bars(String title, String xTitle, String yTitle) {
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        c.getStyler().setPlotGridVerticalLinesVisible(false);
        c.getStyler().setAntiAlias(true);
        return c;
    }

    static XYSeries line(XYChart c, String name, double[] x, double[] y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }

    static XYSeries dashed(XYChart c, String name, double[] x, double[] y, Color color) {
        XYSeries s = line(c, name, x, y);
        s.setLineStyle(SeriesLines.DASH_DASH);
        s.setLineColor(color);
        return s;
    }

    /** A vertical segment from {@code low} to {@code high} at {@code x}: one interval bar, kept out of the legend. */
    static void intervalBar(XYChart c, String name, double x, double low, double high, Color color) {
        XYSeries s = line(c, name, new double[]{x, x}, new double[]{low, high});
        s.setLineColor(color);
        s.setLineStyle(SeriesLines.SOLID);
        s.setShowInLegend(false);
    }

    /**
     * A chart with no data still renders (an empty run, a tiny fixture): one point labelled "no data" at a value that
     * is valid on linear and log axes alike.
     */
    static void noData(XYChart c) {
        XYSeries s = c.addSeries("no data", new double[]{1}, new double[]{1});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    }

    /**
     * Step histograms of {@code values} over {@code bins} equal-width bins spanning [lo, hi] (values outside are counted
     * in the end bins), one series per group, each normalised to % of its group so groups of different sizes compare by
     * shape; the legend gives each group's size.
     *
     * @param group      the group index of each value, into {@code groupNames}
     * @param groupNames the series names, in legend order
     */
    static void shareHistograms(XYChart c, double[] values, int[] group, List<String> groupNames, double lo, double hi, int bins) {
        double span = hi > lo ? hi - lo : 1;
        double[][] share = new double[groupNames.size()][bins];
        long[] size = new long[groupNames.size()];
        for (int i = 0; i < values.length; i++) {
            int bin = Math.min(bins - 1, Math.max(0, (int) Math.floor((values[i] - lo) * bins / span)));
            share[group[i]][bin]++;
            size[group[i]]++;
        }
        double[] x = new double[bins];
        for (int b = 0; b < bins; b++) x[b] = lo + (b + 0.5) * span / bins;
        for (int g = 0; g < share.length; g++) {
            for (int b = 0; b < bins; b++) share[g][b] = size[g] == 0 ? 0 : 100 * share[g][b] / size[g];
            XYSeries s = c.addSeries(groupNames.get(g) + " (" + size[g] + ")", x, share[g]);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
            s.setMarker(SeriesMarkers.NONE);
        }
    }

    static double[] array(List<? extends Number> values) {
        double[] a = new double[values.size()];
        for (int i = 0; i < a.length; i++) a[i] = values.get(i).doubleValue();
        return a;
    }
}
