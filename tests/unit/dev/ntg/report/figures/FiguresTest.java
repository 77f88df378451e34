package dev.ntg.report.figures;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ntg.io.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("report figures drawn from hand-made report fragments")
class FiguresTest {
    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    static JsonNode json(String s) {
        try {
            return Json.MAPPER.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static final JsonNode RANKING = json("""
            {"summary": {"headline_metric": "ndcg@10", "test": {"ntg_beats_baseline_significantly": {"popularity": true}}},
             "windows": {"test": {"models": {
               "popularity": {"metrics": {"ndcg@10": {"estimate": 0.12, "low": 0.11, "high": 0.13}},
                              "segments": {"users": {"light": {"ndcg@10": 0.1, "users": 5}, "heavy": {"ndcg@10": 0.2, "users": 7}}}},
               "ntg": {"metrics": {"ndcg@10": {"estimate": 0.17, "low": 0.16, "high": 0.18}},
                       "segments": {"users": {"light": {"ndcg@10": 0.15, "users": 5}, "heavy": {"ndcg@10": 0.25, "users": 7}}}}}}}}
            """);
    static final JsonNode CHURN = json("""
            {"evaluation": {"test": {
              "reliability_curve": [{"bin": 0, "mean_predicted": 0.05, "observed_rate": 0.04, "observed_lower": 0.01, "observed_upper": 0.08, "users": 40},
                                    {"bin": 1, "mean_predicted": 0.5, "observed_rate": 0.55, "observed_lower": 0.4, "observed_upper": 0.7, "users": 20},
                                    {"bin": 2, "mean_predicted": 0, "observed_rate": 0, "observed_lower": 0, "observed_upper": 0, "users": 0}],
              "lift_capture": [{"top_fraction": 0.1, "lift": 2.5}],
              "models": {"chosen": {"auc_roc": {"estimate": 0.9, "lower": 0.85, "upper": 0.95}}}}}}
            """);
    static final JsonNode DECISIONS = json("""
            {"budget_curve": [{"budget": 10, "expected_net_value": 5, "spend": 10, "users": 3}, {"budget": 20, "expected_net_value": 8, "spend": 19, "users": 5}],
             "plan": {"budget": 20, "spend": 19, "users": 5, "expected_net_value": 8, "roi": 0.4},
             "sensitivity": [{"effect_scale": 0.5, "expected_net_value": 2, "base_plan_net_value_at_this_scale": -1},
                             {"effect_scale": 1.0, "expected_net_value": 8, "base_plan_net_value_at_this_scale": 8}],
             "experiment": {"power": 0.8, "by_action": [{"action": "email <nudge>", "power_curve": [{"lift": 0, "power": 0.025}, {"lift": 0.05, "power": 0.5}]}]}}
            """);
    static final JsonNode GRAPH = json("""
            {"settings": {"top_k": 3}, "hubness": {"gini": 0.4, "zero_in_degree": 1},
             "popularity_bias": {"neighbour_to_source_rank_ratio": 0.5}}
            """);
    static final JsonNode TASTE = json("""
            {"axes": [{"axis": 1, "size": 10, "label": "a"}, {"axis": 2, "size": 4, "label": "b"}],
             "embeddings": {"rank": 3, "weighting": "binary", "explained_variance": 0.6, "singular_values": [3.0, 2.0, 1.0]}}
            """);

    static List<Figure> all() {
        double[] p = {0.9, 0.8, 0.2, 0.1, 0.7, 0.05};
        boolean[] y = {true, true, false, false, false, true};
        return List.of(
                GraphFigures.degrees(List.of(new GraphFigures.DegreeCount(1, 4), new GraphFigures.DegreeCount(3, 2)),
                        List.of(new GraphFigures.DegreeCount(3, 6)), GRAPH),
                GraphFigures.popularityBias(List.of(new GraphFigures.PopularityDecile(1, 2, 10), new GraphFigures.PopularityDecile(2, 8, 12)), GRAPH),
                GraphFigures.similarity(new double[]{0.2, 0.3, 0.3, 0.9}, GRAPH),
                TasteFigures.axes(TASTE, Map.of(1, 7L, 2, 3L)),
                TasteFigures.explainedVariance(TASTE),
                TasteFigures.diversity(new double[]{0.6, 0.9, 0.95}, new long[]{1, 8, 9}, 5.0),
                RankingFigures.models(RANKING),
                RankingFigures.segments(RANKING),
                ChurnFigures.reliability(CHURN),
                ChurnFigures.scoreHistograms(p, y),
                ChurnFigures.gain(p, y, CHURN),
                DecisionFigures.budgetCurve(DECISIONS),
                DecisionFigures.sensitivity(DECISIONS),
                DecisionFigures.powerCurves(DECISIONS));
    }

    @Test
    @DisplayName("every figure renders to a PNG and has a title, axis titles and a caption")
    void rendersPng() {
        for (Figure f : all()) {
            byte[] png = f.png();
            assertTrue(png.length > 1000, f.name() + " is suspiciously small");
            assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8), f.name() + " is not a PNG");
            assertFalse(f.title().isBlank());
            assertFalse(f.caption().isBlank());
            if (f.chart() instanceof org.knowm.xchart.internal.chartpart.AxesChart<?, ?> c) {
                assertFalse(c.getXAxisTitle() == null || c.getXAxisTitle().isBlank(), f.name() + " has no x axis title");
                assertFalse(c.getYAxisTitle() == null || c.getYAxisTitle().isBlank(), f.name() + " has no y axis title");
            }
        }
    }

    @Test
    @DisplayName("every figure also renders to a complete SVG document")
    void rendersSvg() {
        for (Figure f : all()) {
            String svg = new String(f.svg(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(svg.startsWith("<?xml"), f.name());
            assertTrue(svg.contains("<svg"), f.name() + " is not an SVG");
            assertTrue(svg.contains("</svg>"), f.name() + " is truncated");
        }
    }

    @Test
    @DisplayName("rendering the same figure twice gives the same bytes, PNG and SVG")
    void deterministic() {
        List<Figure> a = all();
        List<Figure> b = all();
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).png(), b.get(i).png(), a.get(i).name());
            assertArrayEquals(a.get(i).svg(), b.get(i).svg(), a.get(i).name() + " (SVG)");
        }
    }

    @Test
    @DisplayName("empty inputs still render (a tiny run must not fail the report)")
    void emptyInputs() {
        JsonNode empty = json("{}");
        for (Figure f : List.of(GraphFigures.degrees(List.of(), List.of(), empty), GraphFigures.popularityBias(List.of(), empty),
                GraphFigures.similarity(new double[0], empty), TasteFigures.diversity(new double[0], new long[0], 5.0),
                TasteFigures.axes(empty, Map.of()), TasteFigures.explainedVariance(empty), RankingFigures.models(empty),
                RankingFigures.segments(empty), ChurnFigures.reliability(empty), ChurnFigures.scoreHistograms(new double[0], new boolean[0]),
                ChurnFigures.gain(new double[0], new boolean[0], empty), DecisionFigures.budgetCurve(empty),
                DecisionFigures.sensitivity(empty), DecisionFigures.powerCurves(empty))) {
            assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(f.png(), 8), f.name());
        }
    }

    @Test
    @DisplayName("a figure without a caption or with a bad name is rejected")
    void validated() {
        var chart = new org.knowm.xchart.XYChartBuilder().title("t").xAxisTitle("x (s)").yAxisTitle("y (m)").build();
        assertThrows(IllegalArgumentException.class, () -> new Figure("ok", " ", chart));
        assertThrows(IllegalArgumentException.class, () -> new Figure("Bad Name", "caption", chart));
        var untitled = new org.knowm.xchart.XYChartBuilder().title("t").build();
        assertThrows(IllegalArgumentException.class, () -> new Figure("ok", "caption", untitled));
    }

    @Test
    @DisplayName("histograms: each value in its hand-computed equal-width bin, shares per group adding up to 100%")
    void histogramBins() {
        // churn: bins of 0.05 over [0, 1]; 0.15 × 20 is 3.0000000000000004, so bin 3; 1.0 is clamped into the last bin
        org.knowm.xchart.XYChart churn = (org.knowm.xchart.XYChart) ChurnFigures.scoreHistograms(new double[]{0.15, 0.0, 1.0},
                new boolean[]{true, false, false}).chart();
        double[] churned = churn.getSeries("churned (1)").getYData();
        double[] retained = churn.getSeries("retained (2)").getYData();
        assertEquals(100.0, churned[3], 1e-12);
        assertEquals(50.0, retained[0], 1e-12);
        assertEquals(50.0, retained[19], 1e-12);
        assertEquals(0.025, churn.getSeries("churned (1)").getXData()[0], 1e-15);

        // edge weights: 40 bins over [min, max] = [0, 1]: 0 → bin 0, 0.25 → bin 10, 1 → bin 39
        Figure sim = GraphFigures.similarity(new double[]{0.25, 0.0, 0.25, 1.0}, json("""
                {"settings": {"measure": "jaccard", "top_k": 7}, "similarity": {"min": 0.0, "median": 0.25, "p90": 1.0}}"""));
        double[] y = ((org.knowm.xchart.XYChart) sim.chart()).getSeries("kept edges (4)").getYData();
        assertEquals(40, y.length);
        assertEquals(25.0, y[0], 1e-12);
        assertEquals(50.0, y[10], 1e-12);
        assertEquals(25.0, y[39], 1e-12);
        assertEquals(100.0, Arrays.stream(y).sum(), 1e-12);
        assertTrue(sim.caption().contains("top_k = 7") && sim.caption().contains("weakest jaccard") && sim.caption().contains("median 0.25"),
                sim.caption());

        // diversity: 40 bins over [0.5, 1]; users with more items than the smoothing (5) in the first group
        Figure div = TasteFigures.diversity(new double[]{0.5, 1.0, 0.75, 1.0}, new long[]{10, 10, 1, 5}, 5.0);
        org.knowm.xchart.XYChart d = (org.knowm.xchart.XYChart) div.chart();
        double[] focused = d.getSeries("own items > smoothing = 5 (2)").getYData();
        double[] prior = d.getSeries("own items ≤ smoothing = 5 (2)").getYData();
        assertEquals(50.0, focused[0], 1e-12);
        assertEquals(50.0, focused[39], 1e-12);
        assertEquals(50.0, prior[20], 1e-12); // (0.75 − 0.5) × 40 / 0.5 = 20
        assertEquals(50.0, prior[39], 1e-12);
        assertEquals(List.of("own items > smoothing = 2.5", "own items ≤ smoothing = 2.5"), TasteFigures.diversityGroups(2.5));
    }
}
