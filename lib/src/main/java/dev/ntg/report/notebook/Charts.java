package dev.ntg.report.notebook;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * XChart figures (drawn by the report's builders in {@code dev.ntg.report.figures}) turned into what a notebook
 * displays: JJava renders a {@link java.awt.image.RenderedImage} returned by a cell as {@code image/png}, so a cell
 * ends with {@code Charts.toImage(chart)}. Rendering is headless.
 */
public final class Charts {
    static {
        // Notebook kernels and CI have no display.
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** The chart drawn into an image: what a notebook cell returns to show it. */
    public static BufferedImage toImage(Chart<?, ?> chart) {
        return new ChartImage(chart);
    }

    /**
     * A chart's image whose text form is its title and size, not an identity hash: JJava stores that text as the
     * {@code text/plain} alternative of the PNG, so re-executing a notebook on the same artifacts changes no byte.
     */
    static final class ChartImage extends BufferedImage {
        private final String description;

        ChartImage(Chart<?, ?> chart) {
            super(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = createGraphics();
            try {
                chart.paint(g, chart.getWidth(), chart.getHeight());
            } finally {
                g.dispose();
            }
            String title = chart.getTitle() == null || chart.getTitle().isBlank() ? "chart" : chart.getTitle();
            this.description = title + " (" + chart.getWidth() + "×" + chart.getHeight() + " image)";
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** The chart as a PNG file (parent folders created). */
    public static Path savePng(Chart<?, ?> chart, Path file) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
