package dev.ntg.eval.ranking;

import dev.ntg.eval.Bootstrap;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The user bootstrap: users are the unit of resampling (a user's relevant items are not independent). Each
 * resample draws n users with replacement from a stream seeded once, so every series of the same length is
 * resampled with the same users; a paired interval resamples per-user differences, which keeps the
 * correlation between two rankers evaluated on the same users (much narrower than comparing two intervals).
 * Percentile intervals, with linear interpolation between order statistics.
 */
public final class UserBootstrap {
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
        if (perUser.length == 0) throw new IllegalArgumentException("no users: report 'no eval users' instead of an interval");
        double est = RankingMetric.summarize(perUser);
        if (resamples == 0) return new Interval(est, null, null);
        int n = perUser.length;
        double[] means = new double[resamples];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int b = 0; b < resamples; b++) {
            double s = 0;
            for (int i = 0; i < n; i++) s += perUser[rng.nextInt(n)];
            means[b] = s / n;
        }
        Arrays.sort(means);
        double alpha = (1 - confidence) / 2;
        return new Interval(est, Bootstrap.quantile(means, alpha), Bootstrap.quantile(means, 1 - alpha));
    }

    /** The mean of a − b over the same users, with its paired interval. */
    public Interval pairedDifference(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("paired series differ in length: " + a.length + " vs " + b.length);
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) d[i] = a[i] - b[i];
        return mean(d);
    }
}
