package dev.ntg.churn.boost;

import java.util.PriorityQueue;

/**
 * Grows one least-squares regression tree on binned features, best first: the leaf whose best split gains most is
 * split next, until the tree has {@code maxLeaves} leaves or no leaf can be split. A leaf at depth {@code maxDepth}
 * (the root is depth 1) is not split, nor is one that cannot give both children {@code nodeSize} examples. A leaf's
 * output is one Newton step of the logistic loss, Σr / Σ|r|(2 − |r|), as in Smile's TreeBoost.
 *
 * <p>Smile also declines a split whose two children come out with equal outputs and no split of their own; that is
 * left out here, as it changes no prediction of the tree itself.
 */
final class TreeGrower {
    private final FeatureBins bins;
    private final int features;
    /** offset[j]: where feature j's bins start in a histogram; offset[features] is the histogram's length. */
    private final int[] offset;
    private final int maxDepth, maxLeaves, nodeSize;
    private final int[] buffer;
    /** Split gains summed per feature over every tree grown. */
    final double[] importance;
    // The tree being grown: its examples (each leaf owns a range), the response it fits and its splittable leaves.
    private int[] rows;
    private double[] response;
    private PriorityQueue<Candidate> queue;
    private int queued;

    TreeGrower(FeatureBins bins, int examples, int maxDepth, int maxLeaves, int nodeSize) {
        this.bins = bins;
        this.features = bins.features;
        this.offset = new int[features + 1];
        for (int j = 0; j < features; j++) offset[j + 1] = offset[j] + bins.bins(j);
        this.maxDepth = maxDepth;
        this.maxLeaves = maxLeaves;
        this.nodeSize = nodeSize;
        this.buffer = new int[examples];
        this.importance = new double[features];
    }

    /** Response sums and counts per bin of every feature, over one node's examples. */
    private record Histogram(double[] sum, int[] count) {
    }

    /** A leaf that can be split: its examples rows[lo, hi), its histogram and its best split. */
    private record Candidate(int node, int lo, int hi, int depth, Histogram histogram, int feature, int bin, double gain,
                             int seq) {
    }

    /**
     * Grows a tree on the examples {@code rows[0, count)} (ascending; reordered in place) fitting {@code response}.
     * Not thread-safe: one grower grows one tree at a time.
     */
    BinnedTree grow(int[] rows, int count, double[] response) {
        this.rows = rows;
        this.response = response;
        // Largest gain first; equal gains in the order the leaves were made, so the tree never depends on the heap.
        this.queue = new PriorityQueue<>((a, b) -> a.gain != b.gain ? Double.compare(b.gain, a.gain) : Integer.compare(a.seq, b.seq));
        this.queued = 0;
        BinnedTree tree = new BinnedTree();
        int root = tree.addLeaf(newtonStep(0, count));
        if (maxDepth > 1) offer(root, 0, count, 1, histogram(0, count));
        for (int leaves = 1; leaves < maxLeaves && !queue.isEmpty(); leaves++) {
            Candidate c = queue.poll();
            int mid = partition(c.lo, c.hi, c.feature, c.bin);
            int left = tree.addLeaf(newtonStep(c.lo, mid));
            int right = tree.addLeaf(newtonStep(mid, c.hi));
            tree.split(c.node, c.feature, c.bin, bins.thresholds[c.feature][c.bin], left, right);
            importance[c.feature] += c.gain;
            int depth = c.depth + 1;
            if (depth >= maxDepth) continue;
            // Count the smaller child; the larger one's histogram is the parent's minus it, kept in the parent's arrays.
            boolean leftSmaller = mid - c.lo <= c.hi - mid;
            Histogram small = leftSmaller ? histogram(c.lo, mid) : histogram(mid, c.hi);
            Histogram large = subtract(c.histogram, small);
            offer(left, c.lo, mid, depth, leftSmaller ? small : large);
            offer(right, mid, c.hi, depth, leftSmaller ? large : small);
        }
        this.rows = null;
        this.response = null;
        this.queue = null;
        return tree;
    }

    /** Queues leaf {@code node} (examples rows[lo, hi)) with its best split, if it has one that gains. */
    private void offer(int node, int lo, int hi, int depth, Histogram h) {
        int n = hi - lo;
        if (n < 2 * nodeSize) return;
        // Summed from the examples, not the histogram: a subtracted histogram carries the parent's rounding.
        double total = 0;
        for (int i = lo; i < hi; i++) total += response[rows[i]];
        double parentTerm = total * total / n;
        int bestFeature = -1, bestBin = -1;
        double bestGain = 0;
        for (int j = 0; j < features; j++) {
            int trueCount = 0;
            double trueSum = 0;
            for (int b = 0, last = offset[j + 1] - offset[j] - 1; b < last; b++) {
                int k = offset[j] + b, c = h.count[k];
                if (c == 0) continue;
                trueCount += c;
                trueSum += h.sum[k];
                int falseCount = n - trueCount;
                if (falseCount < nodeSize) break;
                if (trueCount < nodeSize) continue;
                double falseSum = total - trueSum;
                double gain = trueSum * trueSum / trueCount + falseSum * falseSum / falseCount - parentTerm;
                if (gain > bestGain) {
                    bestGain = gain;
                    bestFeature = j;
                    bestBin = b;
                }
            }
        }
        if (bestFeature >= 0) queue.add(new Candidate(node, lo, hi, depth, h, bestFeature, bestBin, bestGain, queued++));
    }

    private Histogram histogram(int lo, int hi) {
        double[] sum = new double[offset[features]];
        int[] count = new int[offset[features]];
        byte[] codes = bins.codes;
        for (int i = lo; i < hi; i++) {
            int row = rows[i], base = row * features;
            double r = response[row];
            for (int j = 0; j < features; j++) {
                int k = offset[j] + (codes[base + j] & 0xFF);
                sum[k] += r;
                count[k]++;
            }
        }
        return new Histogram(sum, count);
    }

    private static Histogram subtract(Histogram parent, Histogram child) {
        double[] sum = parent.sum;
        int[] count = parent.count;
        for (int k = 0; k < sum.length; k++) {
            sum[k] -= child.sum[k];
            count[k] -= child.count[k];
        }
        return parent;
    }

    /** Moves the examples with bin ≤ {@code bin} of {@code feature} to the front, keeping both sides ascending. */
    private int partition(int lo, int hi, int feature, int bin) {
        byte[] codes = bins.codes;
        int mid = lo, moved = 0;
        for (int i = lo; i < hi; i++) {
            int row = rows[i];
            if ((codes[row * features + feature] & 0xFF) <= bin) rows[mid++] = row;
            else buffer[moved++] = row;
        }
        System.arraycopy(buffer, 0, rows, mid, moved);
        return mid;
    }

    private double newtonStep(int lo, int hi) {
        double nu = 0, de = 0;
        for (int i = lo; i < hi; i++) {
            double r = response[rows[i]], abs = Math.abs(r);
            nu += r;
            de += abs * (2.0 - abs);
        }
        return de > 0 ? nu / de : 0.0;
    }
}
