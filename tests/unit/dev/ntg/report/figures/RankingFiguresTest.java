package dev.ntg.report.figures;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("ranking figures for the notebook: blend search and accuracy against popularity")
class RankingFiguresTest {
    static final JsonNode BLEND = FiguresTest.json("""
            {"objective": "ndcg@10", "trace": [
              {"round": 0, "objective": 0.10}, {"round": 1, "objective": 0.08}, {"round": 1, "objective": 0.15},
              {"round": 2, "objective": 0.12}, {"round": 2, "objective": 0.16}]}
            """);
    static final JsonNode RANKING = FiguresTest.json("""
            {"summary": {"headline_metric": "ndcg@10"},
             "windows": {"test": {"models": {
               "popularity": {"metrics": {"ndcg@10": {"estimate": 0.12, "low": 0.11, "high": 0.13}}, "beyond_accuracy": {"avg_popularity@10": 900}},
               "ntg": {"metrics": {"ndcg@10": {"estimate": 0.17, "low": 0.16, "high": 0.18}}, "beyond_accuracy": {"avg_popularity@10": 600}},
               "svd": {"metrics": {"ndcg@10": {"estimate": 0.14, "low": null, "high": null}}, "beyond_accuracy": {"avg_popularity@10": 700}},
               "ease": {"metrics": {"ndcg@10": {"estimate": 0.13, "low": 0.12, "high": 0.14}}, "beyond_accuracy": {}}}}}}
            """);

    @Test
    @DisplayName("blend search: one dot series per round in search order, and the running best as a line")
    void blendSearch() {
        Figure f = RankingFigures.blendSearch(BLEND);
        XYChart c = (XYChart) f.chart();
        assertEquals(List.of("start", "round 1", "round 2", "best so far"), c.getSeriesCollection().stream().map(s -> s.getName()).toList());
        assertArrayEquals(new double[]{2, 3}, c.getSeries("round 1").getXData(), 1e-12);
        assertArrayEquals(new double[]{0.08, 0.15}, c.getSeries("round 1").getYData(), 1e-12);
        assertArrayEquals(new double[]{0.10, 0.10, 0.15, 0.15, 0.16}, c.getSeries("best so far").getYData(), 1e-12);
        assertEquals(RankingFigures.NTG, c.getSeries("best so far").getLineColor());
        assertPng(f);
    }

    @Test
    @DisplayName("blend search without a trace (VAL had no eval users) still renders, marked no data")
    void emptySearch() {
        Figure f = RankingFigures.blendSearch(FiguresTest.json("{\"objective\": \"ndcg@10\", \"trace\": []}"));
        assertNotNull(((XYChart) f.chart()).getSeries("no data"));
        assertPng(f);
    }

    @Test
    @DisplayName("accuracy against popularity: a dot per model at (mean popularity, estimate), NTG red, an interval bar where the report has one")
    void accuracyVsPopularity() {
        Figure f = RankingFigures.accuracyVsPopularity(RANKING, "test");
        XYChart c = (XYChart) f.chart();
        assertArrayEquals(new double[]{600}, c.getSeries("ntg").getXData(), 1e-12);
        assertArrayEquals(new double[]{0.17}, c.getSeries("ntg").getYData(), 1e-12);
        assertArrayEquals(new double[]{0.16, 0.18}, c.getSeries("ntg interval").getYData(), 1e-12);
        assertEquals(RankingFigures.NTG, c.getSeries("ntg").getMarkerColor());
        assertEquals(RankingFigures.PALETTE[0], c.getSeries("popularity").getMarkerColor());
        assertEquals(RankingFigures.PALETTE[1], c.getSeries("svd").getMarkerColor());
        assertNull(c.getSeries("svd interval"), "no bounds, no bar");
        assertNull(c.getSeries("ease"), "no popularity figure, no dot");
        assertPng(f);
    }

    private static void assertPng(Figure f) {
        byte[] png = f.png();
        assertTrue(png.length > 1000);
        assertTrue(Arrays.equals(FiguresTest.PNG_SIGNATURE, Arrays.copyOf(png, 8)));
    }
}
