package dev.ntg.report.figures;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.AxesChart;
import org.knowm.xchart.internal.chartpart.Chart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One figure of the report: its file name (without extension), the chart, and the one-line caption shown under it.
 *
 * @param name    file stem under {@code reports/figures/}, e.g. {@code ranking_models}
 * @param caption one sentence on what the figure shows and how to read it
 * @param chart   the XChart chart; its title and axis titles are set
 */
public record Figure(String name, String caption, Chart<?, ?> chart) {
    static {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    public Figure {
        if (name == null || !name.matches("[a-z0-9_]+")) throw new IllegalArgumentException("figure name must be [a-z0-9_]+: " + name);
        if (caption == null || caption.isBlank()) throw new IllegalArgumentException("figure " + name + " needs a caption");
        if (chart.getTitle() == null || chart.getTitle().isBlank()) throw new IllegalArgumentException("figure " + name + " needs a title");
        if (chart instanceof AxesChart<?, ?> a && (blank(a.getXAxisTitle()) || blank(a.getYAxisTitle()))) {
            throw new IllegalArgumentException("figure " + name + " needs both axis titles, with units");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public String title() {
        return chart.getTitle();
    }

    /** The chart as PNG bytes. Java2D draws the same pixels for the same chart on the same JDK and fonts. */
    public byte[] png() {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render figure " + name, e);
        }
    }

    /** The chart as SVG text (vector, for print and zooming); the HTML report embeds the PNG. */
    public byte[] svg() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render figure " + name + " as SVG", e);
        }
    }
}
