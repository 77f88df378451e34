package dev.ntg.graph;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both binary kernels (the upper triangle, and full rows) against co-occurrence counted by brute force from the
 * user lists, on Zipf-popular random matrices and edge cases, with 1 and 2 threads; and the triangle against the
 * weighted full-row walk with every weight 1, which must give the same graph to the last bit.
 */
@DisplayName("The co-occurrence kernel counts what brute force counts")
class CooccurrenceCounterTest {
    private static CooccurrenceCounter.Options options(int minSupport, int topK, int threads) {
        return options(Similarity.of("cosine", 1.0), minSupport, topK, threads);
    }

    private static CooccurrenceCounter.Options options(SimilarityMeasure m, int minSupport, int topK, int threads) {
        return new CooccurrenceCounter.Options(m, minSupport, topK, 0, threads);
    }

    /** The graph of each binary kernel, on 1 and 2 threads, named for the assertion messages. */
    private static List<Map.Entry<String, ItemGraph>> everyKernel(Interactions x, SimilarityMeasure m, int minSupport, int topK) {
        int k = Math.min(topK, Math.max(1, x.nItems));
        List<Map.Entry<String, ItemGraph>> graphs = new ArrayList<>();
        for (int threads = 1; threads <= 2; threads++) {
            CooccurrenceCounter.Options o = options(m, minSupport, topK, threads);
            graphs.add(Map.entry("upper triangle, " + threads + " threads", UpperTriangleCounter.build(x, o, k, threads)));
            graphs.add(Map.entry("full rows, " + threads + " threads", FullRowCounter.build(x, o, k, threads)));
        }
        return graphs;
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
        for (Map.Entry<String, ItemGraph> kernel : everyKernel(x, Similarity.of("cosine", 1.0), 1, x.nItems + 1)) {
            ItemGraph g = kernel.getValue();
            for (int i = 0; i < x.nItems; i++) {
                int[] row = truth[i];
                int[] expected = IntStream.range(0, x.nItems).filter(j -> row[j] > 0).toArray();
                assertThat(g.neighbours(i)).as("%s: neighbours of %d", kernel.getKey(), i).containsExactlyInAnyOrder(expected);
                for (int r = 0; r < g.outDegree(i); r++) assertThat(g.count(i, r)).isEqualTo(row[g.neighbour(i, r)]);
            }
            ItemGraph.Stats st = g.stats();
            assertThat(new long[]{st.pairsCounted(), st.distinctPairs(), st.belowMinSupport(), st.edges(), st.prunedByTopK()})
                    .as(kernel.getKey()).containsExactly(pairs, distinct, 0, distinct, 0);
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
     * The upper triangle reads a row back in rank order when it counts at least half as many pairs as there are
     * ranks above the row's item (ranks by users, then id), and through its touched list otherwise; these matrices
     * must exercise both.
     */
    private static void assertBothRowKinds(Interactions x) {
        int n = x.nItems;
        int[] rank = new int[n];
        Integer[] byUse = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(byUse, Comparator.<Integer>comparingInt(x::itemDegree).thenComparingInt(i -> i));
        for (int r = 0; r < n; r++) rank[byUse[r]] = r;
        long[] above = new long[n];
        for (int u = 0; u < x.nUsers; u++)
            for (int a = x.userPtr[u]; a < x.userPtr[u + 1]; a++)
                for (int b = x.userPtr[u]; b < x.userPtr[u + 1]; b++)
                    if (rank[x.items[b]] > rank[x.items[a]]) above[x.items[a]]++;
        int dense = 0, listed = 0;
        for (int i = 0; i < n; i++) {
            if (above[i] == 0) continue;
            if (2 * above[i] >= n - 1 - rank[i]) dense++;
            else listed++;
        }
        assertThat(dense).as("rows read back in rank order").isGreaterThan(10);
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

    /**
     * Every measure's top 5 per row with min support 2, from each kernel, equals a full sort of brute-force scores
     * (score desc, NaN last, dst asc).
     */
    private static void assertTopKLikeBruteForce(Interactions x) {
        int[][] truth = bruteForce(x);
        for (String name : dev.ntg.config.GraphConfig.MEASURES) {
            SimilarityMeasure m = Similarity.of(name, 1.0);
            List<List<Integer>> expected = new ArrayList<>();
            long pruned = 0;
            for (int i = 0; i < x.nItems; i++) {
                double[] score = new double[x.nItems];
                List<Integer> cand = new ArrayList<>();
                for (int j = 0; j < x.nItems; j++) {
                    if (j == i || truth[i][j] < 2) continue;
                    score[j] = m.score(truth[i][j], x.itemMass[i], x.itemMass[j], x.userMass);
                    cand.add(j);
                }
                cand.sort((a, b) -> Double.isNaN(score[a]) != Double.isNaN(score[b]) ? (Double.isNaN(score[a]) ? 1 : -1)
                        : score[a] > score[b] ? -1 : score[a] < score[b] ? 1 : Integer.compare(a, b));
                expected.add(cand.subList(0, Math.min(5, cand.size())));
                pruned += cand.size() - expected.get(i).size();
            }
            for (Map.Entry<String, ItemGraph> kernel : everyKernel(x, m, 2, 5)) {
                ItemGraph g = kernel.getValue();
                for (int i = 0; i < x.nItems; i++) {
                    assertThat(g.neighbours(i)).as("%s, %s, row %d", name, kernel.getKey(), i)
                            .containsExactly(expected.get(i).stream().mapToInt(Integer::intValue).toArray());
                    for (int r = 0; r < g.outDegree(i); r++) {
                        int j = g.neighbour(i, r);
                        assertThat(g.similarity(i, r)).as("%s, %s, row %d", name, kernel.getKey(), i)
                                .isEqualTo(m.score(truth[i][j], x.itemMass[i], x.itemMass[j], x.userMass));
                        assertThat(g.count(i, r)).isEqualTo(truth[i][j]);
                    }
                }
                assertThat(g.stats().prunedByTopK()).as("%s, %s: pruned", name, kernel.getKey()).isEqualTo(pruned);
            }
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
