package dev.ntg.eval.ranking;

import dev.ntg.concurrent.Parallel;
import dev.ntg.eval.Bootstrap;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The user bootstrap: users are the unit of resampling (a user's relevant items are not independent). Each
 * resample draws n users with replacement from a stream seeded once, so every series of the same length is
 * resampled with the same users; a paired interval resamples per-user differences, which keeps the
 * correlation between two rankers evaluated on the same users (much narrower than comparing two intervals).
 * Percentile intervals, with linear interpolation between order statistics.
 */
public final class UserBootstrap {
    /** Series resampled together: a user's row of this many values is four cache lines. */
    static final int CHUNK = 32;
    /** Resamples summed in one pass over the users: the chunk's rows are read once per batch. */
    static final int BATCH = 16;
    private final int resamples;
    private final double confidence;
    private final long seed;

    public UserBootstrap(int resamples, double confidence, long seed) {
        if (resamples < 0) throw new IllegalArgumentException("resamples < 0");
        if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence must be in (0, 1)");
        this.resamples = resamples;
        this.confidence = confidence;
        this.seed = seed;
    }

    /** The mean of per-user values with its interval. */
    public Interval mean(double[] perUser) {
        return means(List.of(perUser), 1).get(0);
    }

    /**
     * The means of several series over the same users, each with the interval {@link #mean} gives it. Every series
     * is resampled with the same draws, kept as per-user counts (resamples × users bytes), and series are summed a
     * chunk of {@link #CHUNK} at a time, the chunk's values user by user (one user's row is one short array). Each
     * mean sums count × value over users in index order (see resampleChunk), the same in every chunk: the bits do
     * not depend on the chunking or on {@code threads}, which share out the chunks.
     */
    public List<Interval> means(List<double[]> series, int threads) {
        int n = series.isEmpty() ? 0 : series.get(0).length;
        for (double[] x : series) {
            if (x.length == 0) throw new IllegalArgumentException("no users: report 'no eval users' instead of an interval");
            if (x.length != n) throw new IllegalArgumentException("series of one bootstrap differ in length: " + x.length + " vs " + n);
        }
        Interval[] out = new Interval[series.size()];
        if (resamples == 0) {
            for (int s = 0; s < out.length; s++) out[s] = new Interval(RankingMetric.summarize(series.get(s)), null, null);
            return List.of(out);
        }
        int chunks = (series.size() + CHUNK - 1) / CHUNK;
        byte[][] counts = counts(n);
        Parallel.forRange(threads, chunks, (first, end) -> {
            for (int c = first; c < end; c++) resampleChunk(series, c * CHUNK, Math.min(series.size(), (c + 1) * CHUNK), counts, out);
        });
        return List.of(out);
    }

    /**
     * How often each of n users is drawn in each resample, from one stream seeded once (resample 0's n draws first).
     * Drawn once for all chunks, not again per chunk: redrawing took a quarter of the bootstrap's time at 240
     * series (8 chunks). A byte per count: a user drawn more than 127 times of n is not a bootstrap of n ≥ 2.
     */
    private byte[][] counts(int n) {
        byte[][] counts = new byte[resamples][n];
        SplittableRandom rng = new SplittableRandom(seed);
        for (byte[] c : counts) {
            for (int i = 0; i < n; i++) {
                int k = rng.nextInt(n);
                if (c[k] == Byte.MAX_VALUE) throw new IllegalStateException("user " + k + " drawn more than " + Byte.MAX_VALUE + " times of " + n);
                c[k]++;
            }
        }
        return counts;
    }

    /**
     * Series [from, to): the bootstrap means of each, then its interval into out. From the draw counts
     * ({@code drawn[resample][user]}), a batch of {@link #BATCH} resamples is summed in one pass over the users in index
     * order: reading user rows at random, one per draw, was bound by cache misses (18.6% of rank's CPU at 10M
     * events). Each mean is Σ count·value over users in index order, not the draw-order sum, so the bits can
     * differ from summing draw by draw (by rounding only: the draws are the same).
     */
    private void resampleChunk(List<double[]> series, int from, int to, byte[][] drawn, Interval[] out) {
        int g = to - from, n = series.get(from).length;
        double[][] rows = new double[n][g];
        for (int s = 0; s < g; s++) {
            double[] x = series.get(from + s);
            for (int i = 0; i < n; i++) rows[i][s] = x[i];
        }
        double[][] means = new double[g][resamples];
        double[][] sums = new double[BATCH][g];
        for (int b0 = 0; b0 < resamples; b0 += BATCH) {
            int nb = Math.min(BATCH, resamples - b0);
            for (int r = 0; r < nb; r++) Arrays.fill(sums[r], 0.0);
            for (int i = 0; i < n; i++) {
                double[] row = rows[i];
                for (int r = 0; r < nb; r++) {
                    int c = drawn[b0 + r][i];
                    if (c == 0) continue;
                    double w = c;
                    double[] sum = sums[r];
                    for (int s = 0; s < g; s++) sum[s] += w * row[s];
                }
            }
            for (int r = 0; r < nb; r++) for (int s = 0; s < g; s++) means[s][b0 + r] = sums[r][s] / n;
        }
        double alpha = (1 - confidence) / 2;
        for (int s = 0; s < g; s++) {
            Arrays.sort(means[s]);
            out[from + s] = new Interval(RankingMetric.summarize(series.get(from + s)), Bootstrap.quantile(means[s], alpha),
                    Bootstrap.quantile(means[s], 1 - alpha));
        }
    }

    /** The mean of a − b over the same users, with its paired interval. */
    public Interval pairedDifference(double[] a, double[] b) {
        return mean(difference(a, b));
    }

    /** Per-user a − b: the series whose mean and interval are the paired comparison. */
    public static double[] difference(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("paired series differ in length: " + a.length + " vs " + b.length);
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) d[i] = a[i] - b[i];
        return d;
    }
}
