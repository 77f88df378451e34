package dev.ntg.churn.boost;

import java.util.Arrays;

/**
 * A fitted regression tree in flat arrays. Node 0 is the root; an internal node sends a value ≤ its threshold to
 * {@code left}. Training examples walk the tree by bin code instead ("bin ≤ split bin"), which {@link FeatureBins}
 * makes the same decision.
 */
final class BinnedTree {
    private int size;
    private int[] feature = new int[16];
    private int[] splitBin = new int[16];
    private double[] threshold = new double[16];
    private int[] left = new int[16];
    private int[] right = new int[16];
    private double[] value = new double[16];

    /** Adds a leaf and returns its index. */
    int addLeaf(double output) {
        if (size == feature.length) grow();
        feature[size] = -1;
        value[size] = output;
        return size++;
    }

    /** Turns leaf {@code node} into a split on {@code f} at bin {@code bin} with the given children. */
    void split(int node, int f, int bin, double cut, int leftChild, int rightChild) {
        feature[node] = f;
        splitBin[node] = bin;
        threshold[node] = cut;
        left[node] = leftChild;
        right[node] = rightChild;
    }

    double predict(double[] x) {
        int node = 0;
        while (feature[node] >= 0) node = x[feature[node]] <= threshold[node] ? left[node] : right[node];
        return value[node];
    }

    /** The output for training example {@code row}, read from its bin codes. */
    double predict(byte[] codes, int features, int row) {
        return value[leaf(codes, features, row)];
    }

    /** The leaf training example {@code row} falls in. */
    int leaf(byte[] codes, int features, int row) {
        int node = 0, base = row * features;
        while (feature[node] >= 0) node = (codes[base + feature[node]] & 0xFF) <= splitBin[node] ? left[node] : right[node];
        return node;
    }

    private void grow() {
        int c = size * 2;
        feature = Arrays.copyOf(feature, c);
        splitBin = Arrays.copyOf(splitBin, c);
        threshold = Arrays.copyOf(threshold, c);
        left = Arrays.copyOf(left, c);
        right = Arrays.copyOf(right, c);
        value = Arrays.copyOf(value, c);
    }
}
