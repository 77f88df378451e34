package dev.ntg.eval.ranking;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("User bootstrap")
class UserBootstrapTest {
    @Test
    @DisplayName("a constant series has a zero-width interval at its mean")
    void constant() {
        Interval i = new UserBootstrap(200, 0.95, 1).mean(new double[]{0.3, 0.3, 0.3});
        assertEquals(0.3, i.estimate(), 1e-15);
        assertEquals(0.3, i.low(), 1e-15);
        assertEquals(0.3, i.high(), 1e-15);
    }

    @Test
    @DisplayName("the interval brackets the mean, shrinks with more users, and is reproducible")
    void brackets() {
        double[] small = new double[20], large = new double[2000];
        for (int i = 0; i < small.length; i++) small[i] = i % 2;
        for (int i = 0; i < large.length; i++) large[i] = i % 2;
        UserBootstrap b = new UserBootstrap(500, 0.95, 7);
        Interval s = b.mean(small), l = b.mean(large);
        assertTrue(s.low() < 0.5 && s.high() > 0.5);
        assertTrue(l.high() - l.low() < s.high() - s.low());
        assertEquals(s, b.mean(small));
        // normal approximation: 1.96 * 0.5 / sqrt(2000) = 0.0219
        assertEquals(0.0438, l.high() - l.low(), 0.008);
    }

    @Test
    @DisplayName("a paired difference that is always positive has an interval above zero; unpaired ones would overlap")
    void paired() {
        double[] a = new double[100], b = new double[100];
        for (int i = 0; i < 100; i++) {
            b[i] = i / 100.0;
            a[i] = b[i] + 0.01;
        }
        UserBootstrap boot = new UserBootstrap(300, 0.95, 3);
        Interval d = boot.pairedDifference(a, b);
        assertEquals(0.01, d.estimate(), 1e-12);
        assertTrue(d.above(0));
        assertTrue(boot.mean(a).low() < boot.mean(b).high());
        assertThrows(IllegalArgumentException.class, () -> boot.pairedDifference(a, new double[3]));
    }

    @Test
    @DisplayName("no resamples: an estimate without bounds; no users: a clear error")
    void edges() {
        Interval i = new UserBootstrap(0, 0.95, 1).mean(new double[]{1, 2});
        assertEquals(1.5, i.estimate());
        assertNull(i.low());
        assertThrows(IllegalArgumentException.class, () -> new UserBootstrap(10, 0.95, 1).mean(new double[0]));
    }

    @Test
    @DisplayName("series bootstrapped together get exactly the interval each gets alone, on any number of threads")
    void together() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        java.util.List<double[]> series = new java.util.ArrayList<>();
        // more series than one chunk, so several chunks replay the same draws
        for (int s = 0; s < UserBootstrap.CHUNK + 3; s++) series.add(r.doubles(57).toArray());
        UserBootstrap b = new UserBootstrap(100, 0.9, 13);
        java.util.List<Interval> one = b.means(series, 1), two = b.means(series, 2);
        for (int s = 0; s < series.size(); s++) {
            assertEquals(b.mean(series.get(s)), one.get(s));
            assertEquals(one.get(s), two.get(s));
        }
        assertThrows(IllegalArgumentException.class, () -> b.means(java.util.List.of(new double[3], new double[4]), 1));
    }

    @Test
    @DisplayName("each resample is the same multiset of users as drawing one by one: bounds match a draw-by-draw reference")
    void sameDrawsAsOneByOne() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(11);
        double[] x = r.doubles(83).toArray();
        int resamples = UserBootstrap.BATCH * 3 + 5;   // a partial last batch too
        long seed = 29;
        // reference: the documented procedure, resample b = n draws with replacement from one stream seeded once
        java.util.SplittableRandom draws = new java.util.SplittableRandom(seed);
        double[] means = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double sum = 0;
            for (int i = 0; i < x.length; i++) sum += x[draws.nextInt(x.length)];
            means[b] = sum / x.length;
        }
        java.util.Arrays.sort(means);
        Interval got = new UserBootstrap(resamples, 0.9, seed).mean(x);
        assertEquals(dev.ntg.eval.Bootstrap.quantile(means, 0.05), got.low(), 1e-12);
        assertEquals(dev.ntg.eval.Bootstrap.quantile(means, 0.95), got.high(), 1e-12);
        assertNotEquals(got.low(), got.high());
    }
}
