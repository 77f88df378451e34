package dev.ntg.graph;

import dev.ntg.config.GraphConfig;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Hashing;
import dev.ntg.io.Json;
import dev.ntg.testing.SampleProvenance;
import dev.ntg.run.TrainView;
import dev.ntg.testing.TestPipeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * tests/fixtures/graph/tiny_events.csv, whole history, binary weights:
 * <pre>
 *   u1: A B C     item users: A {1,2,3}  B {1,2,4}  C {1,3,4}  D {3,5}  E {5}
 *   u2: A B       c(A)=3 c(B)=3 c(C)=3 c(D)=2 c(E)=1, n = 5 users
 *   u3: A C D     co-occurrence: AB=2 AC=2 AD=1 BC=2 CD=1 DE=1 (others 0)
 *   u4: B C
 *   u5: D E
 * </pre>
 */
@DisplayName("The graph of the tiny fixture")
class TinyGraphTest {
    private static final double EPS = 1e-12;
    private static final String[] PAIRS = {"A>B", "A>C", "A>D", "B>C", "C>D", "D>E"};
    @TempDir
    Path dir;
    private DuckSession duck;
    private TrainView train;

    @BeforeEach
    void load() {
        duck = DuckSession.inMemory();
        duck.execute("CREATE TABLE train AS SELECT user_id, item_id, \"timestamp\"::TIMESTAMPTZ::TIMESTAMP AS ts, NULL::DOUBLE AS value FROM read_csv("
                + dev.ntg.io.Sql.literal(TestPipeline.fixture("graph/tiny_events.csv")) + ", header=true, all_varchar=true)");
        train = TrainView.overTable(duck, "train", Instant.parse("2024-01-06T00:00:00Z"));
    }

    @AfterEach
    void close() {
        duck.close();
    }

    static GraphConfig config(String measure, String cooccurrence, int minSupport, int topK) {
        return new GraphConfig(measure, 1.0, cooccurrence, 1.0, "binary", 30.0, 500, "none", minSupport, topK);
    }

    /** src>dst → {similarity, count, rank}. */
    Map<String, double[]> edges(GraphConfig config, int threads) {
        GraphBuilder.build(train, config, threads, dir.resolve("edges.parquet"), dir.resolve("diag.json"), SampleProvenance.of());
        Map<String, double[]> out = new LinkedHashMap<>();
        duck.forEach("SELECT src, dst, similarity, cooccurrence, rank FROM " + DuckSession.parquet(dir.resolve("edges.parquet")),
                rs -> out.put(rs.getString(1) + ">" + rs.getString(2), new double[]{rs.getDouble(3), rs.getLong(4), rs.getInt(5)}));
        return out;
    }

    /** Undirected values in the order AB, AC, AD, BC, CD, DE (computed in the comment of SimilarityMeasureTest style). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // cosine  AB = 2/sqrt(3·3) = 2/3, AD = 1/sqrt(3·2) = 1/sqrt 6, DE = 1/sqrt(2·1)
            "cosine, 0.6666666666666666, 0.6666666666666666, 0.4082482904638631, 0.6666666666666666, 0.4082482904638631, 0.7071067811865475",
            "count, 2, 2, 1, 2, 1, 1",
            // jaccard AB = 2/(3+3-2), AD = 1/(3+2-1), DE = 1/(2+1-1)
            "jaccard, 0.5, 0.5, 0.25, 0.5, 0.25, 0.5",
            // lift    AB = 2·5/(3·3) = 10/9, AD = 1·5/(3·2) = 5/6, DE = 1·5/(2·1) = 5/2
            "lift, 1.1111111111111112, 1.1111111111111112, 0.8333333333333334, 1.1111111111111112, 0.8333333333333334, 2.5",
            // pmi = ln(lift): ln(10/9), ln(5/6), ln(5/2)
            "pmi, 0.10536051565782635, 0.10536051565782635, -0.1823215567939546, 0.10536051565782635, -0.1823215567939546, 0.9162907318741551",
            // npmi = pmi / -ln(c/n): ln(10/9)/-ln(2/5), ln(5/6)/-ln(1/5), ln(5/2)/-ln(1/5)
            "npmi, 0.1149859013004802, 0.1149859013004802, -0.11328275255937834, 0.1149859013004802, -0.11328275255937834, 0.569323441926607",
            // llr AB: k = (2,1,1,1), rows (3,2), cols (3,2), N 5: 2[2 ln(2·5/9) + ln(5/6) + ln(5/6) + ln(5/4)] = 0.1384429;
            //     AD: k = (1,2,1,1) is AB's table with rows swapped: same value; DE: k = (1,1,0,3) → 2.231435513142098
            "llr, 0.13844293808390656, 0.13844293808390656, 0.13844293808390656, 0.13844293808390656, 0.13844293808390656, 2.231435513142098",
    })
    void everySymmetricMeasure(String measure, double ab, double ac, double ad, double bc, double cd, double de) {
        Map<String, double[]> e = edges(config(measure, "whole", 1, 10), 1);
        double[] want = {ab, ac, ad, bc, cd, de};
        assertEquals(12, e.size(), "6 pairs, both directions: " + e.keySet());
        for (int k = 0; k < PAIRS.length; k++) {
            String p = PAIRS[k];
            String q = p.charAt(2) + ">" + p.charAt(0);
            assertEquals(want[k], e.get(p)[0], EPS, measure + " " + p);
            assertEquals(want[k], e.get(q)[0], EPS, measure + " " + q);
        }
        assertEquals(2, e.get("A>B")[1]);
        assertEquals(1, e.get("D>E")[1]);
    }

    @Test
    @DisplayName("conditional probability with damping 1: P(j|i) = c(i,j) / (c(i) + 1)")
    void conditional() {
        Map<String, double[]> e = edges(config("conditional", "whole", 1, 10), 1);
        // A→B = 2/(3+1), A→D = 1/(3+1), D→A = 1/(2+1), D→E = 1/(2+1), E→D = 1/(1+1)
        assertEquals(0.5, e.get("A>B")[0], EPS);
        assertEquals(0.25, e.get("A>D")[0], EPS);
        assertEquals(1.0 / 3.0, e.get("D>A")[0], EPS);
        assertEquals(1.0 / 3.0, e.get("D>E")[0], EPS);
        assertEquals(0.5, e.get("E>D")[0], EPS);
    }

    @Test
    @DisplayName("top-2 cosine lists: similarity desc, ties by destination id asc")
    void topKLists() {
        Map<String, double[]> e = edges(config("cosine", "whole", 1, 2), 1);
        // A: B 2/3, C 2/3, D 1/√6 → [B, C];  D: E 1/√2 > A 1/√6 = C 1/√6 → [E, A];  E: [D]
        assertEquals(List.of("A>B", "A>C", "B>A", "B>C", "C>A", "C>B", "D>E", "D>A", "E>D"), List.copyOf(e.keySet()));
        assertEquals(1, e.get("D>E")[2]);
        assertEquals(2, e.get("D>A")[2]);
        assertEquals(2, e.get("A>C")[2]);
    }

    @Test
    @DisplayName("top-2 lift lists: D keeps E (5/2) and A (5/6, beats C on id)")
    void topKLift() {
        Map<String, double[]> e = edges(config("lift", "whole", 1, 2), 1);
        assertEquals(List.of("A>B", "A>C", "B>A", "B>C", "C>A", "C>B", "D>E", "D>A", "E>D"), List.copyOf(e.keySet()));
    }

    @Test
    @DisplayName("min support 2 keeps only AB, AC, BC")
    void minSupport() {
        Map<String, double[]> e = edges(config("count", "whole", 2, 10), 1);
        assertEquals(List.of("A>B", "A>C", "B>A", "B>C", "C>A", "C>B"), List.copyOf(e.keySet()));
        GraphDiagnostics d = diagnostics();
        // ordered pairs counted: Σ n(n-1) = 6 + 2 + 6 + 2 + 2 = 18; distinct ordered pairs 12; 6 below support
        assertEquals(18, d.pairs().counted());
        assertEquals(12, d.pairs().distinct());
        assertEquals(6, d.pairs().belowMinSupport());
        assertEquals(6, d.pairs().kept());
        assertEquals(0.6, d.coverage(), EPS);
        assertEquals(3, d.components().count()); // {A,B,C}, {D}, {E}
        assertEquals(2, d.components().isolated());
    }

    @Test
    @DisplayName("windowed (1 h, inclusive): only AB (u1, 30 min), AC and CD (u3, 60 and 30 min), DE (u5) co-occur")
    void windowed() {
        Map<String, double[]> e = edges(config("count", "window", 1, 10), 1);
        assertEquals(List.of("A>B", "A>C", "B>A", "C>A", "C>D", "D>C", "D>E", "E>D"), List.copyOf(e.keySet()));
        for (double[] v : e.values()) assertEquals(1.0, v[0], EPS);
        assertEquals(8, diagnostics().pairs().counted());
    }

    @Test
    @DisplayName("power-user cap 2 keeps each user's 2 most recent items")
    void cap() {
        GraphConfig c = new GraphConfig("count", 1.0, "whole", 1.0, "binary", 30.0, 2, "none", 1, 10);
        Map<String, double[]> e = edges(c, 1);
        // u1 keeps B C, u3 keeps C D: pairs AB (u2), BC (u1, u4), CD (u3), DE (u5)
        assertEquals(1, e.get("A>B")[1]);
        assertEquals(2, e.get("B>C")[1]);
        assertEquals(1, e.get("C>D")[1]);
        assertEquals(null, e.get("A>C"));
        GraphDiagnostics d = diagnostics();
        assertEquals(2, d.caps().interactionsCapped());
        assertEquals(2, d.caps().usersCapped());
        // u1 and u3 each lose 3·2 - 2·1 = 4 ordered pairs
        assertEquals(8, d.caps().pairsRemovedByCap());
    }

    @Test
    @DisplayName("decay weights are fuzzy memberships: count-based support, weighted similarity")
    void weighted() {
        GraphConfig c = new GraphConfig("cosine", 1.0, "whole", 1.0, "decay", 1.0, 500, "none", 1, 10);
        Map<String, double[]> e = edges(c, 1);
        assertEquals(12, e.size());
        // D–E: only u5 (D at 2024-01-05T00:00, E at 00:15; cutoff 01-06T00:00, half-life 1 day)
        //   wD = 0.5^(24/24) = 0.5 for u5, u3's D is 2d22.5h before → 0.5^(70.5/24); E: 0.5^(23.75/24)
        double wD5 = 0.5, wE5 = Math.pow(0.5, 23.75 / 24), wD3 = Math.pow(0.5, 70.5 / 24);
        double expected = Math.min(wD5, wE5) / Math.sqrt((wD5 + wD3) * wE5);
        assertEquals(expected, e.get("D>E")[0], 1e-12);
        assertEquals(1, e.get("D>E")[1]);
    }

    @Test
    @DisplayName("2 threads give the same bytes as 1")
    void threads() {
        GraphConfig c = config("llr", "whole", 1, 2);
        edges(c, 1);
        String one = Hashing.sha256(dir.resolve("edges.parquet")) + Hashing.sha256(dir.resolve("diag.json"));
        edges(c, 2);
        assertEquals(one, Hashing.sha256(dir.resolve("edges.parquet")) + Hashing.sha256(dir.resolve("diag.json")));
    }

    @Test
    @DisplayName("an empty TRAIN ends in a clear message")
    void emptyTrain() {
        duck.execute("DELETE FROM train");
        Exception ex = assertThrows(dev.ntg.NtgException.class, () -> edges(config("cosine", "whole", 1, 2), 1));
        assertTrue(ex.getMessage().contains("TRAIN split has no events"), ex.getMessage());
    }

    private GraphDiagnostics diagnostics() {
        try {
            // the provenance block is not part of the record
            return Json.MAPPER.readerFor(GraphDiagnostics.class).without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(dir.resolve("diag.json").toFile());
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    @Nested
    @DisplayName("the diagnostics file")
    class Diagnostics {
        @Test
        @DisplayName("is schema-valid and reports hubness and popularity bias")
        void content() {
            edges(config("cosine", "whole", 1, 10), 1);
            GraphDiagnostics d = diagnostics();
            assertEquals(5, d.nodes());
            assertEquals(12, d.edges());
            assertEquals(1.0, d.coverage(), EPS);
            // in-degrees A3 B2 C3 D3 E1 (sorted 1,2,3,3,3; Σ = 12): gini = 2(1+4+9+12+15)/(5·12) - 6/5 = 82/60 - 1.2
            assertEquals(82.0 / 60.0 - 1.2, d.hubness().gini(), EPS);
            assertEquals(3, d.hubness().maxInDegree());
            assertEquals(1, d.components().count());
            // popularity ranks: A1 B2 C3 (3 users each, ties by id), D4, E5; mean source rank (1+2+3+4+5)/5 = 3
            assertEquals(3.0, d.popularityBias().meanSourceRank(), EPS);
            // neighbour ranks: A→B,C,D (2+3+4) B→A,C (1+3) C→A,B,D (1+2+4) D→A,C,E (1+3+5) E→D (4) = 33 over 12 edges
            assertEquals(33.0 / 12.0, d.popularityBias().meanNeighbourRank(), EPS);
        }
    }
}
