package dev.ntg.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Nonparametric bootstrap over rows with a seeded generator: every call draws the same {@code resamples} index
 * vectors (resample r uses a generator seeded from (seed, r)), so intervals of different metrics and of paired
 * differences are computed on the same resamples. Intervals are percentile intervals (linear interpolation between
 * order statistics, like R's type 7).
 */
public final class Bootstrap {
    private final int resamples;
    private final long seed;
    private final double level;
    /** The draw counts of every resample for {@link #tableRows} rows, kept as bytes (a count never nears 128). */
    private byte[][] table;
    private int tableRows = -1;

    public Bootstrap(int resamples, long seed) {
        this(resamples, seed, 0.95);
    }

    public Bootstrap(int resamples, long seed, double level) {
        if (resamples < 1) throw new IllegalArgumentException("resamples must be >= 1, got " + resamples);
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        this.resamples = resamples;
        this.seed = seed;
        this.level = level;
    }

    public int resamples() {
        return resamples;
    }

    /** The row indices of resample r (n draws with replacement). */
    public int[] indices(int r, int n) {
        SplittableRandom rng = new SplittableRandom(mix(seed, r));
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = rng.nextInt(n);
        return idx;
    }

    /** How often each row is drawn in resample r (the same draws as {@link #indices}). */
    public int[] counts(int r, int n) {
        int[] c = new int[n];
        for (int i : indices(r, n)) c[i]++;
        return c;
    }

    /** The metric on the full sample with its percentile interval. */
    public Interval interval(double[] p, double[] y, Supplier<? extends Metric> metric) {
        return intervals(p, y, java.util.Map.of("m", metric)).get("m");
    }

    /**
     * Several metrics of one predictor on the same resamples. The rows are put in prediction order (ties by row) once,
     * each metric is prepared once on that copy and then evaluated on each resample's draw counts (what adding the
     * drawn copies in that order would give, up to rounding in the last bits), without copying rows. A resample's
     * counts are gathered into that order once for all the metrics, which then read them in sequence. Resamples run
     * in parallel, each filling its own slot, so the result does not depend on the thread count.
     */
    public java.util.Map<String, Interval> intervals(double[] p, double[] y, java.util.Map<String, ? extends Supplier<? extends Metric>> metrics) {
        List<String> names = new ArrayList<>(metrics.keySet());
        double[] estimates = new double[names.size()];
        for (int m = 0; m < names.size(); m++) estimates[m] = metrics.get(names.get(m)).get().of(p, y);
        int[] order = Weighted.ascending(p, Pairs.identity(p.length));
        double[] sortedP = permute(p, order), sortedY = permute(y, order);
        int[] visit = Pairs.identity(p.length);
        Weighted[] prepared = new Weighted[names.size()];
        for (int m = 0; m < names.size(); m++) prepared[m] = prepare(metrics.get(names.get(m)), sortedP, sortedY, visit);
        double[][] reps = new double[names.size()][resamples];
        forEachResample(order, (r, c) -> {
            for (int m = 0; m < names.size(); m++) reps[m][r] = prepared[m].value(c);
        });
        java.util.Map<String, Interval> out = new java.util.LinkedHashMap<>();
        for (int m = 0; m < names.size(); m++) {
            out.put(names.get(m), summarize(estimates[m], reps[m]));
        }
        return out;
    }

    /**
     * metric(a) − metric(b) on the same rows and resamples: a paired difference with its interval. The rows of a
     * resample are summed in row order (each as often as drawn), not in draw order.
     */
    public Interval paired(double[] a, double[] b, double[] y, Supplier<? extends Metric> metric) {
        double estimate = metric.get().of(a, y) - metric.get().of(b, y);
        int[] rows = Pairs.identity(y.length);
        Weighted wa = prepare(metric, a, y, rows), wb = prepare(metric, b, y, rows);
        double[] reps = new double[resamples];
        forEachResample(rows, (r, c) -> reps[r] = wa.value(c) - wb.value(c));
        return summarize(estimate, reps);
    }

    private interface ResampleBody {
        /** @param counts how often each row was drawn in resample r, indexed like the {@code rows} of the call */
        void accept(int r, int[] counts);
    }

    /**
     * Runs body on every resample's draw counts, the counts of {@code rows[k]} at index k. Resamples are shared out in
     * blocks, each with one counts buffer, rather than given a fresh array each.
     */
    private void forEachResample(int[] rows, ResampleBody body) {
        byte[][] table = countTable(rows.length);
        int blocks = Math.min(resamples, 64);
        IntStream.range(0, blocks).parallel().forEach(block -> {
            int[] c = new int[rows.length];
            for (int r = resamples * block / blocks; r < resamples * (block + 1) / blocks; r++) {
                byte[] drawn = table[r];
                for (int k = 0; k < rows.length; k++) c[k] = drawn[rows[k]];
                body.accept(r, c);
            }
        });
    }

    private static double[] permute(double[] a, int[] order) {
        double[] out = new double[order.length];
        for (int k = 0; k < order.length; k++) out[k] = a[order[k]];
        return out;
    }

    /**
     * The metric on rows in {@code visit} order, ready for resample counts (rows already checked by the full-sample
     * estimate); a metric from outside this package gets its copies added one by one.
     */
    private static Weighted prepare(Supplier<? extends Metric> metric, double[] p, double[] y, int[] visit) {
        if (metric.get() instanceof Pairs pairs) return pairs.prepare(p, y, visit);
        return counts -> {
            Metric m = metric.get();
            for (int i : visit) {
                for (int k = Weighted.count(counts, i); k > 0; k--) m.add(p[i], y[i]);
            }
            return m.value();
        };
    }

    /**
     * The draw counts of all resamples for n rows. They depend only on (seed, r, n), so they are drawn once and
     * reused by every interval on samples of that size (a churn window asks for about twenty).
     */
    private synchronized byte[][] countTable(int n) {
        if (n != tableRows) {
            byte[][] t = new byte[resamples][];
            IntStream.range(0, resamples).parallel().forEach(r -> {
                int[] c = counts(r, n);
                byte[] b = new byte[n];
                for (int i = 0; i < n; i++) {
                    if (c[i] > Byte.MAX_VALUE) throw new IllegalStateException("row " + i + " drawn " + c[i] + " times in resample " + r);
                    b[i] = (byte) c[i];
                }
                t[r] = b;
            });
            table = t;
            tableRows = n;
        }
        return table;
    }

    /** Percentile interval of arbitrary replicates (NaN dropped). */
    public Interval summarize(double estimate, double[] replicates) {
        double[] ok = Arrays.stream(replicates).filter(Double::isFinite).sorted().toArray();
        if (ok.length == 0) return new Interval(estimate, Double.NaN, Double.NaN, 0);
        double alpha = (1 - level) / 2;
        return new Interval(estimate, quantile(ok, alpha), quantile(ok, 1 - alpha), ok.length);
    }

    /** Type-7 quantile (linear interpolation between order statistics) of sorted values. */
    public static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static long mix(long seed, int r) {
        long z = seed * 0x9E3779B97F4A7C15L + r * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
