package dev.ntg.graph;

import dev.ntg.config.GraphConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Similarity measures match hand-computed values")
class SimilarityMeasureTest {
    private static final double EPS = 1e-12;

    /*
     * One pair: c(i,j) = 2 users share both items, c(i) = 3, c(j) = 4, n = 10 users.
     *   count       = 2
     *   cosine      = 2 / sqrt(3·4) = 2 / 3.4641016 = 0.5773502691896258
     *   jaccard     = 2 / (3 + 4 - 2) = 0.4
     *   lift        = 2·10 / (3·4) = 20/12 = 1.6666666666666667
     *   pmi         = ln(5/3) = 0.5108256237659907
     *   npmi        = ln(5/3) / -ln(2/10) = 0.5108256 / 1.6094379 = 0.31739380551401475
     *   llr         table k11=2 k12=1 k21=2 k22=5, rows (3, 7), columns (4, 6), N = 10, expected E = R·C/N:
     *               G² = 2 Σ k ln(k/E) = 2 [2 ln(2/1.2) + 1 ln(1/1.8) + 2 ln(2/2.8) + 5 ln(5/4.2)]
     *                  = 2 [1.0216512 - 0.5877867 - 0.6729445 + 0.8717669] = 1.265374090222651
     *   conditional = 2 / (3 + 1)  (damping 1) = 0.5
     */
    @ParameterizedTest(name = "{0}({1}, {2}, {3}, {4}) = {5}")
    @CsvSource({
            "count,       2, 3, 4, 10, 2.0",
            "cosine,      2, 3, 4, 10, 0.5773502691896258",
            "jaccard,     2, 3, 4, 10, 0.4",
            "lift,        2, 3, 4, 10, 1.6666666666666667",
            "pmi,         2, 3, 4, 10, 0.5108256237659907",
            "npmi,        2, 3, 4, 10, 0.31739380551401475",
            "llr,         2, 3, 4, 10, 1.265374090222651",
            "conditional, 2, 3, 4, 10, 0.5",
            // perfect association: 3 of 6 users have both, nobody has one alone.
            // llr: k = (3, 0, 0, 3): 2 [3 ln(3/1.5) + 3 ln(3/1.5)] = 12 ln 2 = 8.317766166719343
            "llr,         3, 3, 3, 6, 8.317766166719343",
            // independence: c(i,j)·n = c(i)·c(j) → lift 1, pmi 0, npmi 0, llr 0
            "lift,        2, 4, 5, 10, 1.0",
            "pmi,         2, 4, 5, 10, 0.0",
            "npmi,        2, 4, 5, 10, 0.0",
            "llr,         2, 4, 5, 10, 0.0",
            // npmi is 1 when every user has both items (0/0 defined as 1)
            "npmi,        5, 5, 5, 5, 1.0",
    })
    void handComputed(String name, double cij, double ci, double cj, double n, double expected) {
        assertEquals(expected, Similarity.of(name, 1.0).score(cij, ci, cj, n), EPS);
    }

    @Test
    @DisplayName("conditional probability is asymmetric and damped; the others are symmetric")
    void asymmetry() {
        SimilarityMeasure p = Similarity.of("conditional", 10.0);
        assertFalse(p.symmetric());
        // P(j|i) = 2 / (3 + 10), P(i|j) = 2 / (4 + 10)
        assertEquals(2.0 / 13.0, p.score(2, 3, 4, 10), EPS);
        assertEquals(2.0 / 14.0, p.score(2, 4, 3, 10), EPS);
        for (String m : GraphConfig.MEASURES) {
            SimilarityMeasure s = Similarity.of(m, 10.0);
            assertEquals(m, s.name());
            if (!m.equals("conditional")) {
                assertTrue(s.symmetric());
                assertEquals(s.score(2, 3, 4, 10), s.score(2, 4, 3, 10), EPS, m);
            }
        }
    }

    /**
     * The upper-triangle kernel scores a pair once for both ends when the measure says it is symmetric, so the two
     * directions must agree to the last bit, for counts and for fuzzy (weighted) masses alike.
     */
    @Test
    void symmetricMeasuresAgreeToTheLastBit() {
        SplittableRandom r = new SplittableRandom(3);
        for (String m : GraphConfig.MEASURES) {
            SimilarityMeasure s = Similarity.of(m, 10.0);
            if (!s.symmetric()) continue;
            for (int t = 0; t < 20_000; t++) {
                boolean counts = t % 2 == 0;
                double n = counts ? 1 + r.nextInt(1_000_000) : 1 + r.nextDouble() * 1e6;
                double ci = counts ? 1 + r.nextInt((int) n) : r.nextDouble() * n;
                double cj = counts ? 1 + r.nextInt((int) (n - ci) + 1) : r.nextDouble() * (n - ci);
                double cij = counts ? 1 + r.nextInt((int) Math.min(ci, cj)) : r.nextDouble() * Math.min(ci, cj);
                double ab = s.score(cij, ci, cj, n), ba = s.score(cij, cj, ci, n);
                assertEquals(Double.doubleToRawLongBits(ab), Double.doubleToRawLongBits(ba),
                        () -> m + " (" + cij + ", " + ci + ", " + cj + ", " + n + "): " + ab + " vs " + ba);
            }
        }
    }

    @Test
    void unknownMeasureNamesTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Similarity.of("euclid", 0));
        assertTrue(e.getMessage().contains("graph.measure"), e.getMessage());
    }
}
