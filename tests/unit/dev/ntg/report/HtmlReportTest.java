package dev.ntg.report;

import dev.ntg.report.figures.Figure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("the HTML report")
class HtmlReportTest {
    static final String EVIL = "<script>alert(\"x\")</script> & 'q'";

    static Figure figure(String name, String title) {
        XYChart c = new XYChartBuilder().width(200).height(120).title(title).xAxisTitle("x (unit)").yAxisTitle("y (unit)").build();
        c.addSeries("s", new double[]{1, 2}, new double[]{1, 2});
        return new Figure(name, "caption of " + name + " " + EVIL, c);
    }

    static String render(List<Figure> figures, Map<String, byte[]> png) {
        return HtmlReport.render("NTG run report", List.of(new HtmlReport.MetaRow("git commit", EVIL)),
                List.of(new Headline("k", "label " + EVIL, 0.5, 0.4, 0.6, "0–1", "sentence " + EVIL, "outputs/reports/x.json")),
                List.of(new LeakageCheck("check " + EVIL, true, "detail"), new LeakageCheck("other", false, "bad")),
                figures, png, List.of(new HtmlReport.AxisRow("1", "label", EVIL)),
                List.of(new HtmlReport.ReportRow("outputs/reports/x.json", "x.schema.json", "1", "rank")));
    }

    @Test
    @DisplayName("embeds every figure as a PNG data URI with its title and caption")
    void embedsFigures() {
        List<Figure> figures = List.of(figure("one", "First"), figure("taste_axes", "Second"));
        Map<String, byte[]> png = new LinkedHashMap<>();
        for (Figure f : figures) png.put(f.name(), f.png());
        String html = render(figures, png);
        for (Figure f : figures) {
            assertTrue(html.contains("src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png.get(f.name())) + "\""), f.name());
            assertTrue(html.contains("id=\"fig-" + f.name() + "\""));
            assertTrue(html.contains("<strong>" + f.title() + ".</strong>"));
        }
        assertEquals(2, html.split("<img ", -1).length - 1);
        assertFalse(html.contains("http://") || html.contains("https://"), "the page must not reference the network");
        assertTrue(html.contains("Content-Security-Policy"));
    }

    @Test
    @DisplayName("escapes every piece of text, so report strings cannot inject markup")
    void escapes() {
        String html = render(List.of(figure("taste_axes", "T <b>")), Map.of("taste_axes", new byte[]{1}));
        assertFalse(html.contains("<script>"), "raw script tag leaked into the page");
        assertFalse(html.contains("T <b>"));
        assertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;"));
        assertTrue(html.contains("T &lt;b&gt;"));
    }

    @Test
    @DisplayName("shows intervals and marks failed leakage checks")
    void intervalsAndChecks() {
        String html = render(List.of(), Map.of());
        assertTrue(html.contains("0.500 [0.400, 0.600]"));
        assertTrue(html.contains("class=\"fail\">FAIL"));
        assertTrue(html.contains("1 leakage check(s) fail"));
    }

    @Test
    @DisplayName("Html.escape handles the five special characters and null")
    void escape() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", Html.escape("<a href=\"x\">&'"));
        assertEquals("", Html.escape(null));
        assertEquals("plain é", Html.escape("plain é"));
    }
}
