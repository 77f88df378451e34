package dev.ntg.eval.ranking;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("Ranking metrics against hand-computed truth tables")
class RankingMetricsTest {
    /** "1 2 3" → {1, 2, 3}; "-" → {}. */
    static int[] ints(String s) {
        return s.equals("-") ? new int[0] : Arrays.stream(s.trim().split(" ")).mapToInt(Integer::parseInt).toArray();
    }

    static RankingMetric metric(String name, int k) {
        return switch (name) {
            case "ndcg" -> new Ndcg(k);
            case "recall" -> new Recall(k);
            case "precision" -> new Precision(k);
            case "map" -> new MeanAveragePrecision(k);
            case "hit_rate" -> new HitRate(k);
            case "mrr" -> new ReciprocalRank();
            default -> throw new IllegalArgumentException(name);
        };
    }

    // ranked list, relevant (warm), cold-start relevant count, metric, K, expected
    // d(r) = 1/log2(r+1): d(1) = 1, d(2) = 0.6309297535714574, d(3) = 0.5, d(4) = 0.43067655807339306
    @ParameterizedTest(name = "{3}@{4} of [{0}] vs ({1}) (+{2} cold) = {5}")
    @CsvSource({
            "1 2 3 4 5, 2 4, 0, ndcg, 3, 0.38685280723454163",   // d(2) / (d(1) + d(2))
            "1 2 3 4 5, 2 4, 0, ndcg, 5, 0.6509209298071326",    // (d(2) + d(4)) / (d(1) + d(2))
            "1 2 3 4 5, 2 4, 1, ndcg, 5, 0.49818925746641285",   // the cold item raises the ideal: / (d(1)+d(2)+d(3))
            "2 4 1 3 5, 2 4, 0, ndcg, 5, 1.0",                   // ideal order
            "1 3 5, 2 4, 0, ndcg, 3, 0.0",
            "1 2 3 4 5, -, 0, ndcg, 5, 0.0",                     // no relevant item: 0, not NaN
            "1 2 3 4 5, 2 4, 0, recall, 3, 0.5",
            "1 2 3 4 5, 2 4, 0, recall, 5, 1.0",
            "1 2 3 4 5, 2 4, 1, recall, 5, 0.6666666666666666",  // 2 of 3 (one never recommendable)
            "1 2 3 4 5, 2 4, 0, precision, 3, 0.3333333333333333",
            "1 2 3 4 5, 2 4, 0, precision, 5, 0.4",
            "1 2, 2, 0, precision, 5, 0.2",                      // a short list: still divided by K
            "1 2 3 4 5, 2 4, 0, map, 3, 0.25",                   // P@2 = 1/2, over min(|R|, 3) = 2
            "1 2 3 4 5, 2 4, 0, map, 5, 0.5",                    // (1/2 + 2/4) / 2
            "1 2 3 4 5, 2 4, 1, map, 5, 0.3333333333333333",     // (1/2 + 2/4) / 3
            "2 1 3 4 5, 2, 0, map, 5, 1.0",
            "1 2 3 4 5, 2 4, 0, mrr, 5, 0.5",
            "1 2 3 4 5, 5, 0, mrr, 5, 0.2",
            "1 2 3 4 5, 9, 0, mrr, 5, 0.0",
            "1 2 3 4 5, 2 4, 0, hit_rate, 1, 0.0",
            "1 2 3 4 5, 2 4, 0, hit_rate, 3, 1.0",
    })
    void truthTable(String ranked, String relevant, int cold, String name, int k, double expected) {
        RankingMetric m = metric(name, k);
        assertEquals(expected, m.score(ints(ranked), RelevantSet.of(ints(relevant), cold)), 1e-15, m.name());
    }

    @Test
    @DisplayName("K <= 0 is rejected with a message naming the setting")
    void badK() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Ndcg(0));
        assertTrue(e.getMessage().contains("ranking.ks"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Recall(-1));
    }

    @Test
    @DisplayName("summarizing no users is an error, never NaN")
    void noUsers() {
        assertThrows(IllegalArgumentException.class, () -> RankingMetric.summarize(new double[0]));
        assertEquals(0.5, RankingMetric.summarize(new double[]{0, 1}));
    }

    @Nested
    @DisplayName("beyond accuracy")
    class Beyond {
        final long[] pop = {8, 4, 2, 1};  // 8 TRAIN users

        @Test
        @DisplayName("coverage, novelty, average popularity and Gini of two lists over a 4-item catalog")
        void twoLists() {
            int[] a = {0, 1}, b = {0, 2};
            CatalogCoverage cov = new CatalogCoverage(2, 4);
            Novelty nov = new Novelty(2, pop, 8);
            AveragePopularity arp = new AveragePopularity(2, pop);
            ExposureGini gini = new ExposureGini(2, 4);
            for (ListMetric m : new ListMetric[]{cov, nov, arp, gini}) {
                m.accept(a);
                m.accept(b);
            }
            assertEquals(0.75, cov.result());
            // a: (0 + 1) / 2, b: (0 + 2) / 2 → mean 0.75
            assertEquals(0.75, nov.result(), 1e-15);
            // a: (8 + 4) / 2 = 6, b: (8 + 2) / 2 = 5 → 5.5
            assertEquals(5.5, arp.result());
            // exposure sorted (0, 1, 1, 2), n = 4, total 4: (-3*0 - 1*1 + 1*1 + 3*2) / 16 = 6/16
            assertEquals(0.375, gini.result(), 1e-15);
        }

        @Test
        @DisplayName("equal exposure gives Gini 0; all exposure on one item of n gives (n-1)/n")
        void giniBounds() {
            assertEquals(0.0, ExposureGini.gini(new long[]{3, 3, 3}));
            assertEquals(0.75, ExposureGini.gini(new long[]{0, 0, 0, 5}), 1e-15);
        }

        @Test
        @DisplayName("only the top K counts")
        void onlyTopK() {
            CatalogCoverage cov = new CatalogCoverage(1, 4);
            cov.accept(new int[]{0, 1, 2, 3});
            assertEquals(0.25, cov.result());
        }
    }
}
