package dev.ntg.eval;

import java.util.Arrays;

/**
 * Growable primitive storage of (prediction, outcome) pairs for metrics that need the whole sample. Each metric
 * states its computation once, as a {@link Weighted} over rows with multiplicities: {@link #value()} evaluates it on
 * the added pairs (each once, in insertion order) and the bootstrap on resample counts.
 */
abstract class Pairs implements Metric {
    protected double[] p = new double[64];
    protected double[] y = new double[64];
    protected int n;

    @Override
    public void add(double prediction, double outcome) {
        if (!(prediction >= 0 && prediction <= 1)) throw new IllegalArgumentException("prediction must be in [0, 1], got " + prediction);
        if (!(outcome >= 0 && outcome <= 1)) throw new IllegalArgumentException("outcome must be in [0, 1], got " + outcome);
        if (n == p.length) {
            p = Arrays.copyOf(p, n * 2);
            y = Arrays.copyOf(y, n * 2);
        }
        p[n] = prediction;
        y[n] = outcome;
        n++;
    }

    @Override
    public double value() {
        return prepare(p, y, identity(n)).value(null);
    }

    /**
     * This metric over rows of (ps, ys) visited in {@code visit} order (rows already checked). The bootstrap passes
     * the rows sorted by prediction, so the sorting metrics find them in order.
     */
    abstract Weighted prepare(double[] ps, double[] ys, int[] visit);

    /** Row indices sorted by prediction ascending, ties by insertion order (a stable, deterministic order). */
    protected int[] ascending() {
        return Weighted.ascending(p, identity(n));
    }

    static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return a;
    }
}
