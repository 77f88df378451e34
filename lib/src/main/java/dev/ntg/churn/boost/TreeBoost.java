package dev.ntg.churn.boost;

import dev.ntg.config.ChurnConfig;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Gradient-boosted trees for a 0/1 label with logistic loss (Friedman's TreeBoost, as in Smile's
 * {@code GradientTreeBoost}): with labels y = ±1 the model is F = b + shrinkage × Σ trees, P(y = 1) = 1 / (1 + e^(−2F)),
 * b is half the log-odds of the labels, and each tree fits the pseudo-responses 2y / (1 + e^(2yF)) of a stratified
 * subsample. The subsample is drawn from a {@link SplittableRandom} seeded by the caller, so a refit is identical.
 */
public final class TreeBoost {
    private final double intercept;
    private final double shrinkage;
    private final BinnedTree[] trees;
    private final double[] importance;

    private TreeBoost(double intercept, double shrinkage, BinnedTree[] trees, double[] importance) {
        this.intercept = intercept;
        this.shrinkage = shrinkage;
        this.trees = trees;
        this.importance = importance;
    }

    /** Fits on {@code x} (rows are examples, no NaN) and labels {@code y} in {0, 1}, both of which must occur. */
    public static TreeBoost fit(double[][] x, int[] y, ChurnConfig.Gbt s, long seed) {
        int n = x.length;
        if (n == 0 || x[0].length == 0) throw new IllegalArgumentException("no examples or no features to fit");
        int[] classCount = new int[2];
        for (int label : y) {
            if (label != 0 && label != 1) throw new IllegalArgumentException("labels must be 0 or 1, got " + label);
            classCount[label]++;
        }
        if (classCount[0] == 0 || classCount[1] == 0) throw new IllegalArgumentException("both labels must occur, got " + Arrays.toString(classCount));
        FeatureBins bins = FeatureBins.of(x, s.maxBins());
        TreeGrower grower = new TreeGrower(bins, n, s.maxDepth(), s.maxNodes(), s.nodeSize());
        double mean = (double) (classCount[1] - classCount[0]) / n;
        double intercept = 0.5 * Math.log((1 + mean) / (1 - mean));
        double[] f = new double[n];
        Arrays.fill(f, intercept);
        double[] response = new double[n];
        int[] permutation = new int[n];
        for (int i = 0; i < n; i++) permutation[i] = i;
        boolean[] drawn = new boolean[n];
        int[] rows = new int[n];
        SplittableRandom random = new SplittableRandom(seed);
        BinnedTree[] trees = new BinnedTree[s.trees()];
        for (int t = 0; t < trees.length; t++) {
            int count = subsample(y, classCount, s.subsample(), permutation, drawn, rows, random);
            for (int k = 0; k < count; k++) {
                int i = rows[k];
                double sign = 2 * y[i] - 1;
                response[i] = 2 * sign / (1 + Math.exp(2 * sign * f[i]));
            }
            trees[t] = grower.grow(rows, count, response);
            for (int i = 0; i < n; i++) f[i] += s.shrinkage() * trees[t].predict(bins.codes, bins.features, i);
        }
        return new TreeBoost(intercept, s.shrinkage(), trees, grower.importance.clone());
    }

    /**
     * Smile's stratified sampling: shuffle, then take the first round(share × count) examples of each class. Writes
     * the drawn examples to {@code rows} in ascending order (so histograms read memory forward) and returns how many.
     */
    private static int subsample(int[] y, int[] classCount, double share, int[] permutation, boolean[] drawn, int[] rows,
                                 SplittableRandom random) {
        int n = y.length;
        if (share >= 1) {
            for (int i = 0; i < n; i++) rows[i] = i;
            return n;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1), tmp = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = tmp;
        }
        Arrays.fill(drawn, false);
        int[] quota = {(int) Math.round(classCount[0] * share), (int) Math.round(classCount[1] * share)};
        for (int i : permutation) {
            if (quota[y[i]] > 0) {
                quota[y[i]]--;
                drawn[i] = true;
            }
        }
        int count = 0;
        for (int i = 0; i < n; i++) if (drawn[i]) rows[count++] = i;
        return count;
    }

    /** P(label = 1) for one example's features. */
    public double probability(double[] x) {
        double f = intercept;
        for (BinnedTree tree : trees) f += shrinkage * tree.predict(x);
        return 1.0 - 1.0 / (1.0 + Math.exp(2 * f));
    }

    public int size() {
        return trees.length;
    }

    /** Split gains summed per feature over all trees (the least-squares reduction each split bought). */
    public double[] importance() {
        return importance.clone();
    }
}
