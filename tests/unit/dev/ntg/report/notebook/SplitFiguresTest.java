package dev.ntg.report.notebook;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("SplitFigures and Charts")
class SplitFiguresTest {
    @TempDir
    Path work;

    @Test
    @DisplayName("events per day: one series per part in time order, titled, axes with units, drawn into an image")
    void eventsPerDay() throws Exception {
        try (Artifacts art = Artifacts.open(SplitFixture.write(work.resolve("w")))) {
            XYChart chart = SplitFigures.eventsPerDay(art);
            assertEquals(List.of("train", "val", "test"), chart.getSeriesCollection().stream().map(s -> s.getName()).toList());
            assertEquals("Events per day by split part", chart.getTitle());
            assertEquals("day (UTC)", chart.getXAxisTitle());
            assertEquals("events per day (count)", chart.getYAxisTitle());
            assertArrayEquals(new double[]{1, 2}, chart.getSeries("train").getYData(), 1e-12);

            BufferedImage image = Charts.toImage(chart);
            assertEquals(900, image.getWidth());
            assertEquals(380, image.getHeight());
            assertEquals("Events per day by split part (900×380 image)", image.toString());
            Path png = Charts.savePng(chart, work.resolve("figures/events.png"));
            assertTrue(Files.size(png) > 1000);
            assertEquals(900, ImageIO.read(png.toFile()).getWidth());
        }
    }
}
