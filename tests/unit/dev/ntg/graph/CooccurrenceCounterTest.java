package dev.ntg.graph;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The binary kernel's counts and stats against co-occurrence counted by brute force from the user lists, on
 * Zipf-popular random matrices and edge cases, with 1 and 2 threads; and against the weighted walk with every
 * weight 1 (a separate loop), which must give the same graph to the last bit.
 */
@DisplayName("The co-occurrence kernel counts what brute force counts")
class CooccurrenceCounterTest {
    private static CooccurrenceCounter.Options options(int minSupport, int topK, int threads) {
        return new CooccurrenceCounter.Options(Similarity.of("cosine", 1.0), minSupport, topK, 0, threads);
    }

    /** Users with Zipf-popular items (item k drawn with weight 1/(k+1)), empty users, and one user with every item. */
    private static Interactions zipf(long seed, int users, int items) {
        return zipf(seed, users, items, true);
    }

    private static Interactions zipf(long seed, int users, int items, boolean fullUser) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] cum = new double[items];
        double s = 0;
        for (int k = 0; k < items; k++) cum[k] = s += 1.0 / (k + 1);
        List<int[]> rows = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            if (u % 17 == 5) {
                rows.add(new int[0]);
            } else if (fullUser && u == users / 2) {
                rows.add(IntStream.range(0, items).map(k -> items - 1 - k).toArray());
            } else {
                int n = 1 + r.nextInt(Math.min(items, 30));
                boolean[] has = new boolean[items];
                for (int t = 0; t < n; t++) {
                    double v = r.nextDouble() * s;
                    int k = 0;
                    while (cum[k] < v) k++;
                    has[k] = true;
                }
                // Items in a shuffled order, like a time order unrelated to popularity.
                int[] row = IntStream.range(0, items).filter(k -> has[k]).toArray();
                for (int a = row.length - 1; a > 0; a--) {
                    int b = r.nextInt(a + 1), t = row[a];
                    row[a] = row[b];
                    row[b] = t;
                }
                rows.add(row);
            }
        }
        return of(items, rows);
    }

    private static Interactions of(int items, List<int[]> rows) {
        int[] ptr = new int[rows.size() + 1];
        for (int u = 0; u < rows.size(); u++) ptr[u + 1] = ptr[u] + rows.get(u).length;
        int[] flat = new int[ptr[rows.size()]];
        for (int u = 0; u < rows.size(); u++) System.arraycopy(rows.get(u), 0, flat, ptr[u], rows.get(u).length);
        return Interactions.of(rows.size(), items, ptr, flat, null, null);
    }

    /** c(i, j) for i ≠ j straight from the definition: users whose list holds both. */
    private static int[][] bruteForce(Interactions x) {
        int[][] c = new int[x.nItems][x.nItems];
        for (int u = 0; u < x.nUsers; u++)
            for (int a = x.userPtr[u]; a < x.userPtr[u + 1]; a++)
                for (int b = x.userPtr[u]; b < x.userPtr[u + 1]; b++)
                    if (a != b) c[x.items[a]][x.items[b]]++;
        return c;
    }

    private static Interactions withUnitWeights(Interactions x) {
        double[] ones = new double[x.items.length];
        Arrays.fill(ones, 1.0);
        return Interactions.of(x.nUsers, x.nItems, x.userPtr, x.items, null, ones);
    }

    /** Every pair kept (min support 1, top K ≥ items): each row holds exactly the items that co-occur, with their counts. */
    private static void assertExact(Interactions x) {
        int[][] truth = bruteForce(x);
        long distinct = 0, pairs = 0;
        for (int[] row : truth) for (int c : row) {
            distinct += c > 0 ? 1 : 0;
            pairs += c;
        }
        for (int threads = 1; threads <= 2; threads++) {
            ItemGraph g = CooccurrenceCounter.build(x, options(1, x.nItems + 1, threads));
            for (int i = 0; i < x.nItems; i++) {
                int[] row = truth[i];
                int[] expected = IntStream.range(0, x.nItems).filter(j -> row[j] > 0).toArray();
                assertThat(g.neighbours(i)).as("neighbours of %d", i).containsExactlyInAnyOrder(expected);
                for (int r = 0; r < g.outDegree(i); r++) assertThat(g.count(i, r)).isEqualTo(row[g.neighbour(i, r)]);
            }
            assertThat(g.stats().pairsCounted()).isEqualTo(pairs);
            assertThat(g.stats().distinctPairs()).isEqualTo(distinct);
            assertThat(g.stats().belowMinSupport()).isZero();
            assertThat(g.stats().edges()).isEqualTo(distinct);
        }
    }

    /** With min support 3 and top 5: the stats from brute force, and the same graph as the weighted walk. */
    private static void assertPrunedLikeWeighted(Interactions x) {
        int[][] truth = bruteForce(x);
        long below = 0;
        for (int[] row : truth) for (int c : row) below += c > 0 && c < 3 ? 1 : 0;
        ItemGraph g = CooccurrenceCounter.build(x, options(3, 5, 1));
        ItemGraph w = CooccurrenceCounter.build(withUnitWeights(x), options(3, 5, 2));
        assertThat(g.stats().belowMinSupport()).isEqualTo(below);
        for (int i = 0; i < x.nItems; i++) {
            assertThat(g.neighbours(i)).isEqualTo(w.neighbours(i));
            for (int r = 0; r < g.outDegree(i); r++) {
                assertThat(g.similarity(i, r)).isEqualTo(w.similarity(i, r));
                assertThat(g.count(i, r)).isEqualTo(truth[i][g.neighbour(i, r)]).isGreaterThanOrEqualTo(3);
            }
        }
        ItemGraph.Stats a = g.stats(), b = w.stats();
        assertThat(new long[]{a.pairsCounted(), a.distinctPairs(), a.belowMinSupport(), a.prunedByTopK(), a.edges()})
                .containsExactly(b.pairsCounted(), b.distinctPairs(), b.belowMinSupport(), b.prunedByTopK(), b.edges());
    }

    /**
     * The kernel reads a row back in item order when it counts at least half as many pairs as there are items, and
     * through its touched list otherwise; these matrices must exercise both.
     */
    private static void assertBothRowKinds(Interactions x) {
        int dense = 0, listed = 0;
        for (int i = 0; i < x.nItems; i++) {
            long p2 = 0;
            for (int p = x.itemPtr[i]; p < x.itemPtr[i + 1]; p++) p2 += x.userPtr[x.itemUsers[p] + 1] - x.userPtr[x.itemUsers[p]] - 1;
            if (x.itemPtr[i + 1] == x.itemPtr[i]) continue;
            if (2 * p2 >= x.nItems) dense++;
            else listed++;
        }
        assertThat(dense).as("rows read back in item order").isGreaterThan(10);
        assertThat(listed).as("rows read through the touched list").isGreaterThan(10);
    }

    @Test
    void zipfMatricesAreExact() {
        // Without a user who has every item (who alone makes every row dense), popular rows are dense, the tail's not.
        assertBothRowKinds(zipf(17, 2000, 3000, false));
        assertExact(zipf(17, 2000, 3000, false));
        assertExact(zipf(7, 3000, 300));
        assertExact(zipf(11, 200, 40));
        assertPrunedLikeWeighted(zipf(13, 3000, 300));
        assertPrunedLikeWeighted(zipf(19, 2000, 3000, false));
    }

    /** Every measure's top 5 per row with min support 2 equals a full sort of brute-force scores (score desc, NaN last, dst asc). */
    private static void assertTopKLikeBruteForce(Interactions x) {
        int[][] truth = bruteForce(x);
        for (String name : dev.ntg.config.GraphConfig.MEASURES) {
            SimilarityMeasure m = Similarity.of(name, 1.0);
            ItemGraph g = CooccurrenceCounter.build(x, new CooccurrenceCounter.Options(m, 2, 5, 0, 1));
            long pruned = 0;
            for (int i = 0; i < x.nItems; i++) {
                int src = i;
                double[] score = new double[x.nItems];
                List<Integer> cand = new ArrayList<>();
                for (int j = 0; j < x.nItems; j++) {
                    if (j == i || truth[i][j] < 2) continue;
                    score[j] = m.score(truth[i][j], x.itemMass[i], x.itemMass[j], x.userMass);
                    cand.add(j);
                }
                cand.sort((a, b) -> Double.isNaN(score[a]) != Double.isNaN(score[b]) ? (Double.isNaN(score[a]) ? 1 : -1)
                        : score[a] != score[b] ? Double.compare(score[b], score[a]) : Integer.compare(a, b));
                List<Integer> expected = cand.subList(0, Math.min(5, cand.size()));
                pruned += cand.size() - expected.size();
                assertThat(g.neighbours(i)).as("%s, row %d", name, src).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
                for (int r = 0; r < g.outDegree(i); r++) {
                    assertThat(g.similarity(i, r)).as("%s, row %d", name, src).isEqualTo(score[g.neighbour(i, r)]);
                    assertThat(g.count(i, r)).isEqualTo(truth[i][g.neighbour(i, r)]);
                }
            }
            assertThat(g.stats().prunedByTopK()).as("%s pruned", name).isEqualTo(pruned);
        }
    }

    @Test
    void everyMeasureKeepsTheBruteForceTopK() {
        assertTopKLikeBruteForce(zipf(23, 1500, 200));                // every row dense (the full user)
        assertTopKLikeBruteForce(zipf(29, 2000, 1500, false));        // dense head, listed tail
    }

    @Test
    void edgeCasesAreExact() {
        // User 0 has all but one item, the rest are empty but one.
        List<int[]> rows = new ArrayList<>();
        for (int u = 0; u < 130; u++) rows.add(u == 0 ? new int[]{2, 0, 1, 3} : u == 64 ? new int[]{1, 2} : new int[0]);
        assertExact(of(5, rows));   // item 4 has no user
        assertExact(of(1, List.of(new int[]{0}, new int[0], new int[]{0})));
        // Two users with every item: the second user's visits write past a full touched list (its spare slot).
        assertExact(of(3, List.of(new int[]{0, 1, 2}, new int[]{2, 0, 1})));
        assertExact(of(3, List.of(new int[0], new int[0])));
    }
}
