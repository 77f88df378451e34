package dev.ntg.data.synthetic;

import java.util.SplittableRandom;

/**
 * Vose's alias method: after an O(n) build, draws an index with probability proportional to its weight in
 * O(1), which keeps item choice independent of catalog size at 100M events.
 */
final class AliasTable {
    private final double[] prob;
    private final int[] alias;

    private AliasTable(double[] prob, int[] alias) {
        this.prob = prob;
        this.alias = alias;
    }

    static AliasTable of(double[] weights) {
        int n = weights.length;
        if (n == 0) throw new IllegalArgumentException("alias table needs at least one weight");
        double total = 0;
        for (double w : weights) {
            if (w < 0 || Double.isNaN(w)) throw new IllegalArgumentException("negative weight " + w);
            total += w;
        }
        if (!(total > 0)) throw new IllegalArgumentException("weights sum to zero");
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0, nl = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] * n / total;
            if (scaled[i] < 1.0) small[ns++] = i;
            else large[nl++] = i;
        }
        double[] prob = new double[n];
        int[] alias = new int[n];
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[--nl];
            prob[s] = scaled[s];
            alias[s] = l;
            scaled[l] = (scaled[l] + scaled[s]) - 1.0;
            if (scaled[l] < 1.0) small[ns++] = l;
            else large[nl++] = l;
        }
        while (nl > 0) {
            int l = large[--nl];
            prob[l] = 1.0;
            alias[l] = l;
        }
        while (ns > 0) {
            // Only rounding leaves a small entry here; it is really full.
            int s = small[--ns];
            prob[s] = 1.0;
            alias[s] = s;
        }
        return new AliasTable(prob, alias);
    }

    int sample(SplittableRandom rng) {
        int i = rng.nextInt(prob.length);
        return rng.nextDouble() < prob[i] ? i : alias[i];
    }

    int size() {
        return prob.length;
    }
}
