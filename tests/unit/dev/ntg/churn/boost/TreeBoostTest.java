package dev.ntg.churn.boost;

import dev.ntg.config.ChurnConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import smile.classification.GradientTreeBoost;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("gradient-boosted trees (histogram split search)")
class TreeBoostTest {
    private static ChurnConfig.Gbt settings(int trees, int maxDepth, int maxLeaves, int nodeSize, double shrinkage, double subsample) {
        return new ChurnConfig.Gbt(trees, maxDepth, maxLeaves, nodeSize, shrinkage, subsample, 256);
    }

    /** Examples and their 0/1 labels. */
    private record Labelled(double[][] x, int[] y) {
    }

    @Test
    @DisplayName("one stump by hand: intercept 0, responses ±1, cut at 2.5, leaves ∓1, P = 1 / (1 + e^(∓2))")
    void stumpByHand() {
        double[][] x = {{1}, {2}, {3}, {4}};
        TreeBoost m = TreeBoost.fit(x, new int[]{0, 0, 1, 1}, settings(1, 2, 2, 1, 1.0, 1.0), 1);
        double low = 1 / (1 + Math.exp(2)), high = 1 / (1 + Math.exp(-2));
        assertEquals(low, m.probability(new double[]{1}), 1e-15);
        assertEquals(low, m.probability(new double[]{2.5}), 1e-15);
        assertEquals(high, m.probability(new double[]{2.51}), 1e-15);
        assertEquals(high, m.probability(new double[]{100}), 1e-15);
        // Gain of the one split: 2²/2 + 2²/2 − 0²/4 = 4.
        assertArrayEquals(new double[]{4.0}, m.importance(), 1e-12);
    }

    /** Integer features (at most 21 distinct values, so one bin each) and a label that depends on them with noise. */
    private static Labelled integerData(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][3];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) x[i][j] = rng.nextInt(j == 2 ? 5 : 21);
            double logit = 0.3 * (x[i][0] - 10) - 0.2 * Math.abs(x[i][1] - 8) + (x[i][2] == 3 ? 1.5 : 0);
            y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        }
        return new Labelled(x, y);
    }

    @Test
    @DisplayName("with a bin per distinct value and no subsampling, the same model as Smile's exact GradientTreeBoost")
    void sameAsSmileWhenExact() {
        Labelled d = integerData(600, 11);
        double[][] x = d.x();
        int[] y = d.y();
        TreeBoost ours = TreeBoost.fit(x, y, settings(25, 4, 6, 10, 0.1, 1.0), 5);
        DataFrame df = DataFrame.of(x, "a", "b", "c").merge(IntVector.of("y", y));
        GradientTreeBoost smile = GradientTreeBoost.fit(Formula.lhs("y"), df, 25, 4, 6, 10, 0.1, 1.0);
        DataFrame features = DataFrame.of(x, "a", "b", "c");
        double[] post = new double[2];
        for (int i = 0; i < x.length; i++) {
            smile.predict(features.get(i), post);
            assertEquals(post[1], ours.probability(x[i]), 1e-9, "example " + i);
        }
        double[] a = ours.importance(), b = smile.importance();
        for (int j = 0; j < 3; j++) assertEquals(b[j], a[j], 1e-9 * Math.abs(b[j]), "importance of feature " + j);
    }

    @Test
    @DisplayName("leaves: at most 2^(max_depth − 1) and max_nodes, each with at least node_size examples")
    void limits() {
        Labelled d = integerData(2000, 4);
        double[][] x = d.x();
        int[] y = d.y();
        FeatureBins bins = FeatureBins.of(x, 256);
        double[] response = IntStream.of(y).mapToDouble(v -> v == 1 ? 1.0 : -1.0).toArray();
        int[][] cases = {{2, 100, 1}, {3, 100, 1}, {10, 5, 1}, {10, 100, 300}};
        int[] expectedMost = {2, 4, 5, 6};
        for (int c = 0; c < cases.length; c++) {
            int maxDepth = cases[c][0], maxLeaves = cases[c][1], nodeSize = cases[c][2];
            int[] rows = IntStream.range(0, x.length).toArray();
            BinnedTree tree = new TreeGrower(bins, x.length, maxDepth, maxLeaves, nodeSize).grow(rows, rows.length, response);
            Map<Integer, Integer> perLeaf = new HashMap<>();
            for (int i = 0; i < x.length; i++) perLeaf.merge(tree.leaf(bins.codes, 3, i), 1, Integer::sum);
            String where = "max_depth " + maxDepth + ", max_nodes " + maxLeaves + ", node_size " + nodeSize;
            assertTrue(perLeaf.size() >= 2 && perLeaf.size() <= expectedMost[c], where + ": " + perLeaf.size() + " leaves");
            for (int size : perLeaf.values()) assertTrue(size >= nodeSize, where + ": a leaf of " + size);
        }
        // 2000 examples with node_size 300 leave room for at most 6 leaves; the data supports that many splits.
        int[] rows = IntStream.range(0, x.length).toArray();
        BinnedTree deep = new TreeGrower(bins, x.length, 10, 100, 1).grow(rows, rows.length, response);
        assertTrue(IntStream.range(0, x.length).map(i -> deep.leaf(bins.codes, 3, i)).distinct().count() > 20);
    }

    @Test
    @DisplayName("subsampling is seeded: the same seed refits the same model, another seed a different one")
    void seeded() {
        Labelled d = integerData(1000, 8);
        double[][] x = d.x();
        int[] y = d.y();
        ChurnConfig.Gbt s = settings(20, 4, 8, 10, 0.1, 0.5);
        TreeBoost a = TreeBoost.fit(x, y, s, 42), b = TreeBoost.fit(x, y, s, 42), c = TreeBoost.fit(x, y, s, 43);
        boolean differs = false;
        for (double[] row : x) {
            assertEquals(a.probability(row), b.probability(row), 0.0);
            differs |= a.probability(row) != c.probability(row);
        }
        assertTrue(differs, "another seed draws other subsamples");
    }

    @Test
    @DisplayName("both labels must occur; labels are 0 or 1")
    void badLabels() {
        double[][] x = {{1}, {2}};
        assertThrows(IllegalArgumentException.class, () -> TreeBoost.fit(x, new int[]{1, 1}, settings(1, 2, 2, 1, 1, 1), 1));
        assertThrows(IllegalArgumentException.class, () -> TreeBoost.fit(x, new int[]{0, 2}, settings(1, 2, 2, 1, 1, 1), 1));
    }
}
