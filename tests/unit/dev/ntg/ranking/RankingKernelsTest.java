package dev.ntg.ranking;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("Ranking kernels")
class RankingKernelsTest {
    @Test
    @DisplayName("top N: score descending, ties by item index, untouched items as 0 in index order, seen items never")
    void topN() {
        ScoreRow row = new ScoreRow(6);
        row.add(4, 2.0);
        row.add(1, 2.0);
        row.add(5, 3.0);
        row.add(2, -1.0);
        boolean[] seen = new boolean[6];
        seen[5] = true;
        assertArrayEquals(new int[]{1, 4, 0, 3, 2}, TopN.select(row, null, seen, 5, 5));
        assertArrayEquals(new int[]{1, 4}, TopN.select(row, null, seen, 5, 2));
    }

    @Test
    @DisplayName("the graph scorer's reason is the history item with the heaviest edge to the item, the smaller on a tie")
    void because() {
        // edges 0 -> 3 (0.2), 1 -> 3 (0.7), 2 -> 3 (0.9, not in the history), 4 -> 3 (0.7), 0 -> 5 (0.4), 4 -> 5 (0.4)
        ItemNeighbors g = ItemNeighbors.of(6, new int[][]{{3, 5}, {3}, {3}, {}, {5, 3}, {}},
                new double[][]{{0.2, 0.4}, {0.7}, {0.9}, {}, {0.4, 0.7}, {}}, new long[][]{{1, 1}, {3}, {4}, {}, {2, 3}, {}});
        ScoreRow row = new ScoreRow(6);
        ItemKnnScorer knn = new ItemKnnScorer(g);
        knn.fill(0, new int[]{0, 1, 4}, row);
        assertEquals(1.6, row.v[3], 1e-15);
        assertEquals(0.8, row.v[5], 1e-15);
        boolean[] history = {true, true, false, false, true, false};
        assertEquals(1, knn.because(row, history, 3));
        assertEquals(0, knn.because(row, history, 5));
        assertEquals(-1, knn.because(row, history, 1));
    }

    /** A random graph on 2..26 items: up to 6 out-edges per item, weights from the supplier, co-occurrence counts 1..5. */
    private record RandomGraph(int n, int[][] dst, double[][] sim, ItemNeighbors neighbors) {
        static RandomGraph draw(java.util.SplittableRandom rng, java.util.function.DoubleSupplier weight) {
            int n = 2 + rng.nextInt(25);
            int[][] dst = new int[n][];
            double[][] sim = new double[n][];
            long[][] co = new long[n][];
            for (int h = 0; h < n; h++) {
                dst[h] = rng.ints(0, n).distinct().limit(rng.nextInt(Math.min(n, 6) + 1)).toArray();
                sim[h] = new double[dst[h].length];
                co[h] = new long[dst[h].length];
                for (int e = 0; e < dst[h].length; e++) {
                    sim[h][e] = weight.getAsDouble();
                    co[h][e] = 1 + rng.nextInt(5);
                }
            }
            return new RandomGraph(n, dst, sim, ItemNeighbors.of(n, dst, sim, co));
        }
    }

    @Test
    @DisplayName("graph reasons on random graphs: the heaviest in-edge from the history, ties to the smaller item, for every touched item")
    void becauseOnRandomGraphs() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(17);
        for (int trial = 0; trial < 200; trial++) {
            // few distinct weights: ties
            RandomGraph r = RandomGraph.draw(rng, () -> rng.nextInt(4) / 4.0 + 0.25);
            int n = r.n();
            int[][] dst = r.dst();
            double[][] sim = r.sim();
            ItemNeighbors g = r.neighbors();
            boolean[] inHistory = new boolean[n];
            int[] history = java.util.stream.IntStream.range(0, n).filter(h -> rng.nextBoolean()).toArray();
            for (int h : history) inHistory[h] = true;
            ItemKnnScorer knn = new ItemKnnScorer(g);
            ScoreRow row = new ScoreRow(n);
            knn.fill(0, history, row);
            for (int j = 0; j < n; j++) {
                int want = -1;
                double best = 0;
                for (int h : history) {
                    for (int e = 0; e < dst[h].length; e++) {
                        if (dst[h][e] == j && (want < 0 || sim[h][e] > best)) {
                            want = h;
                            best = sim[h][e];
                        }
                    }
                }
                assertEquals(want, knn.because(row, inHistory, j), "trial " + trial + ", item " + j);
                assertEquals(want >= 0, row.on[j], "trial " + trial + ", item " + j + " touched");
            }
        }
    }

    @Test
    @DisplayName("dot products of a list of items, four at a time, have the bits of each item's own dot product")
    void dotProductValues() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        int f = 7, nItems = 11;
        double[] v = rng.doubles(nItems * f, -1, 1).toArray();
        EmbeddingScorer emb = new EmbeddingScorer("svd", "test", v, f);
        ScoreRow row = new ScoreRow(nItems, f);
        for (int k = 0; k < f; k++) row.query[k] = rng.nextDouble(-1, 1);
        int[] items = {10, 3, 3, 0, 7, 1, 9}; // 4 + 3: the four-wide loop and the tail
        double[] got = new double[items.length];
        emb.values(row, items, got);
        for (int m = 0; m < items.length; m++) {
            double want = 0;
            for (int k = 0; k < f; k++) want += row.query[k] * v[items[m] * f + k];
            assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(got[m]), "item " + items[m]);
        }
    }

    @Test
    @DisplayName("item-kNN and RP3beta walked together: each row holds the sums of its own walk, bit for bit, on the same touched items")
    void twinWalk() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(23);
        for (int trial = 0; trial < 200; trial++) {
            RandomGraph r = RandomGraph.draw(rng, () -> rng.nextDouble(0.01, 1));
            int n = r.n();
            int[][] dst = r.dst();
            double[][] sim = r.sim();
            ItemNeighbors g = r.neighbors();
            long[] degree = rng.longs(n, 1, 20).toArray();
            ItemKnnScorer knn = new ItemKnnScorer(g);
            Rp3BetaScorer rp3 = new Rp3BetaScorer(g, degree, 1.0, 0.5);
            int[] history = java.util.stream.IntStream.range(0, n).filter(h -> rng.nextBoolean()).toArray();
            ScoreRow a = new ScoreRow(n), b = new ScoreRow(n), aloneA = new ScoreRow(n), aloneB = new ScoreRow(n);
            knn.fillWith(rp3, history, a, b);
            knn.fill(0, history, aloneA);
            rp3.fill(0, history, aloneB);
            double[] want = new double[n];
            for (int h : history) for (int e = 0; e < dst[h].length; e++) want[dst[h][e]] += sim[h][e];
            for (int j = 0; j < n; j++) {
                assertEquals(want[j], a.v[j], "trial " + trial + ": item-kNN sum of item " + j);
                assertEquals(aloneA.v[j], a.v[j], "trial " + trial + ": item " + j);
                assertEquals(Double.doubleToLongBits(aloneB.v[j]), Double.doubleToLongBits(b.v[j]), "trial " + trial + ": RP3beta, item " + j);
                assertEquals(aloneA.on[j], a.on[j]);
                assertEquals(aloneA.on[j], b.on[j]);
            }
            assertEquals(aloneA.n, a.n, "trial " + trial + ": each touched item listed once");
            // through a workspace, asked in either order, the lists are those of the rows filled alone
            String[] ids = java.util.stream.IntStream.range(0, n).mapToObj(i -> "i" + (100 + i)).toArray(String[]::new);
            Workspace ws = new Workspace(TrainData.of(new String[]{"u"}, ids, new int[][]{history}), java.util.List.of(knn, rp3));
            boolean[] seen = new boolean[n];
            for (int h : history) seen[h] = true;
            int pool = n - history.length, t = trial;
            ws.forEachUser(new int[]{0}, 0, 1, n, u -> {
                assertArrayEquals(TopN.select(aloneB, rp3, seen, pool, n), ws.top(1, n), "trial " + t + ": RP3beta list");
                assertArrayEquals(TopN.select(aloneA, knn, seen, pool, n), ws.top(0, n), "trial " + t + ": item-kNN list");
                assertArrayEquals(aloneB.v, ws.rows[1].v, "trial " + t + ": RP3beta's row filled once");
                assertArrayEquals(aloneA.v, ws.rows[0].v, "trial " + t + ": item-kNN's row filled once");
            });
            assertEquals(java.util.Arrays.toString(java.util.Arrays.copyOf(aloneA.touched, aloneA.n)),
                    java.util.Arrays.toString(java.util.Arrays.copyOf(b.touched, b.n)));
        }
        ItemNeighbors other = ItemNeighbors.of(2, new int[][]{{1}, {}}, new double[][]{{1}, {}}, new long[][]{{1}, {}});
        ItemNeighbors one = ItemNeighbors.of(2, new int[][]{{1}, {}}, new double[][]{{1}, {}}, new long[][]{{1}, {}});
        assertThrows(IllegalArgumentException.class, () -> new ItemKnnScorer(one).fillWith(new ItemKnnScorer(other), new int[]{0},
                new ScoreRow(2), new ScoreRow(2)), "scorers on different graphs cannot share a walk");
    }

    @Test
    @DisplayName("taste affinity: profile · loadings, the axis of the largest term as the reason, items without loadings at 0")
    void tasteAffinity() {
        TasteInputs in = new TasteInputs(2, new double[]{1, 0, 0.25, 0.75, 0, 0}, new double[]{0.8, 0.2, 0.1, 0.9},
                new String[]{"Action", "Drama"}, 0, null);
        TasteAffinityScorer t = new TasteAffinityScorer(in);
        ScoreRow row = new ScoreRow(3, 2);
        t.fill(0, new int[]{}, row);
        assertArrayEquals(new double[]{0.8, 0.35, 0}, new double[]{t.value(row, 0), t.value(row, 1), t.value(row, 2)}, 1e-15);
        assertArrayEquals(new int[]{0, 0, -1}, new int[]{t.because(row, null, 0), t.because(row, null, 1), t.because(row, null, 2)});
        row.clear();
        t.fill(1, new int[]{0}, row);
        assertEquals(0.7, t.value(row, 1), 1e-15);
        assertEquals(1, t.because(row, null, 1));
    }

    @Test
    @DisplayName("Cholesky: L Lᵀ reproduces a small SPD matrix")
    void cholesky() {
        double[] a = {4, 2, 2, 2, 5, 3, 2, 3, 6};
        double[] l = EaseScorer.cholesky(a, 3);
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) {
            double s = 0;
            for (int k = 0; k < 3; k++) s += l[i * 3 + k] * l[j * 3 + k];
            assertEquals(a[i * 3 + j], s, 1e-12);
        }
    }

    @Test
    @DisplayName("EASE^R on two items always consumed together recommends the partner; the diagonal is zero")
    void ease() {
        TrainData t = TrainData.of(new String[]{"a", "b", "c"}, new String[]{"x", "y", "z"}, new int[][]{{0, 1}, {0, 1}, {2}});
        EaseScorer e = new EaseScorer(t, 1.0, 2);
        ScoreRow row = new ScoreRow(3);
        e.fill(0, new int[]{0}, row);
        assertEquals(0, row.v[0]);
        assertTrue(row.v[1] > 0.5, "partner score " + row.v[1]);
        assertEquals(0, row.v[2], 1e-12);
    }

    @Test
    @DisplayName("truncated SVD: item factors are orthonormal and identical run to run")
    void svd() {
        TrainData t = TrainData.of(new String[]{"a", "b", "c", "d"}, new String[]{"w", "x", "y", "z"},
                new int[][]{{0, 1}, {0, 1, 2}, {2, 3}, {3}});
        TruncatedSvd.Factors f = TruncatedSvd.fit(t, 2, 3, 7, 2);
        for (int a = 0; a < 2; a++) for (int b = 0; b < 2; b++) {
            double s = 0;
            for (int j = 0; j < 4; j++) s += f.itemFactors()[j * 2 + a] * f.itemFactors()[j * 2 + b];
            assertEquals(a == b ? 1 : 0, s, 1e-9);
        }
        assertArrayEquals(f.itemFactors(), TruncatedSvd.fit(t, 2, 3, 7, 1).itemFactors());
    }

    @Test
    @DisplayName("the VAL search keeps a weight only when it improves the objective, and never tries all zeros")
    void search() {
        // one user, relevant item 2; component 0 ranks item 1 first, component 1 ranks item 2 first
        Blend.Candidates c = new Blend.Candidates(new int[]{1, 2}, new double[][]{{1, 0.5}, {0, 1}});
        BlendSearch.Result r = BlendSearch.run(java.util.List.of("a", "b"), java.util.List.of(c),
                java.util.List.of(dev.ntg.eval.ranking.RelevantSet.of(new int[]{2}, 0)), java.util.List.of(0.0, 1.0), 2, 1);
        assertEquals(1.0, r.objective());
        assertEquals(1.0, r.weights()[1]);
        for (BlendSearch.Step s : r.trace()) assertTrue(s.weights().values().stream().anyMatch(w -> w > 0));
    }
}
