package dev.ntg.data.synthetic;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Lives each user's subscription day by day: Poisson plays, then a chance to quit for good. Plays pick a
 * genre from the user's taste and an item from it by popularity × genre weight (a tenth from global
 * popularity), redrawing unreleased items and, most of the time, items the user has already played. One
 * simulator per worker thread: it reuses its scratch buffers across users.
 */
final class UserSimulator {
    private final long seed;
    private final Catalog catalog;
    private final Audience audience;
    private final int days;
    private final long startEpochDay;
    private final double baseDailyHazard;
    private final int[] cutoffDays;
    private final int horizonDays;
    private final double[] tasteCdf;
    private final SeenItems seen = new SeenItems();
    private long[] dayKeys = new long[64];
    /** Per user: quit day (-1: never) and play count, written into the caller's arrays at index u. */
    private final int[] quitDay;
    private final long[] playCount;
    private long dropped;

    UserSimulator(long seed, Catalog catalog, Audience audience, int days, long startEpochDay, double baseDailyHazard,
                  int[] cutoffDays, int horizonDays, int[] quitDay, long[] playCount) {
        this.seed = seed;
        this.catalog = catalog;
        this.audience = audience;
        this.days = days;
        this.startEpochDay = startEpochDay;
        this.baseDailyHazard = baseDailyHazard;
        this.cutoffDays = cutoffDays;
        this.horizonDays = horizonDays;
        this.tasteCdf = new double[catalog.genres];
        this.quitDay = quitDay;
        this.playCount = playCount;
    }

    /** Plays that found no released item within the draw budget (tiny catalogs early in the period). */
    long dropped() {
        return dropped;
    }

    void simulateBlock(EventBlock block) {
        for (int u = block.firstUser; u < block.firstUser + block.userCount; u++) simulate(u, block);
    }

    private void simulate(int u, EventBlock block) {
        SplittableRandom rng = SeedStreams.of(seed, SeedStreams.USER_LIFE, u + 1L);
        int genres = catalog.genres;
        double acc = 0;
        for (int g = 0; g < genres; g++) {
            acc += audience.taste[u * genres + g];
            tasteCdf[g] = acc;
        }
        seen.clear();
        UserDynamics dyn = audience.dynamics(u, baseDailyHazard);
        int signup = audience.signupDay[u];
        int[] lastBefore = new int[cutoffDays.length];
        boolean[] playedInHorizon = new boolean[cutoffDays.length];
        Arrays.fill(lastBefore, -1);
        int quit = -1;
        long plays = 0;
        for (int d = Math.max(signup, 0); d < days; d++) {
            int n = Draws.poisson(rng, dyn.rate(d));
            int made = n > 0 ? playDay(u, d, n, rng, block) : 0;
            if (made > 0) {
                plays += made;
                for (int k = 0; k < cutoffDays.length; k++) {
                    if (d < cutoffDays[k]) lastBefore[k] = d;
                    else if (d < cutoffDays[k] + horizonDays) playedInHorizon[k] = true;
                }
            }
            if (rng.nextDouble() < dyn.hazard(d)) {
                quit = d;
                break;
            }
        }
        quitDay[u] = quit;
        playCount[u] = plays;
        for (int k = 0; k < cutoffDays.length; k++) {
            int c = cutoffDays[k];
            if (signup >= c || lastBefore[k] < 0) continue;
            double p = TrueChurnProbability.of(dyn, lastBefore[k], c, horizonDays);
            int observed = c + horizonDays <= days ? (playedInHorizon[k] ? 0 : 1) : -1;
            block.addChurn(u, k, p, quit >= 0 && quit < c, observed);
        }
    }

    /** Draws one day's plays, sorts them by (second, item, rating) and appends them; returns how many were kept. */
    private int playDay(int u, int day, int n, SplittableRandom rng, EventBlock block) {
        if (dayKeys.length < n) dayKeys = new long[Math.max(n, dayKeys.length * 2)];
        int made = 0;
        for (int j = 0; j < n; j++) {
            int item = chooseItem(day, rng);
            if (item < 0) {
                dropped++;
                continue;
            }
            seen.add(item);
            int half = rateHalfSteps(u, item, rng);
            int second = 1 + rng.nextInt(86399); // never exactly midnight: a play is never on a cutoff instant
            dayKeys[made++] = ((long) second << 40) | ((long) item << 4) | half;
        }
        Arrays.sort(dayKeys, 0, made);
        long dayStart = (startEpochDay + day) * 86400L;
        int kept = 0;
        for (int j = 0; j < made; j++) {
            long k = dayKeys[j];
            // a re-watch drawn in the same second as the first play would be an exact duplicate event: a real
            // service logs one play per (user, item, second), so the second draw is dropped
            if (j > 0 && (k >>> 4) == (dayKeys[j - 1] >>> 4)) {
                dropped++;
                continue;
            }
            block.add(u, (int) ((k >>> 4) & 0xFFFFFFFFFL), dayStart + (k >>> 40), (int) (k & 0xF));
            kept++;
        }
        return kept;
    }

    private int chooseItem(int day, SplittableRandom rng) {
        int fallback = -1;
        for (int t = 0; t < ServiceModel.MAX_DRAWS; t++) {
            int item;
            if (rng.nextDouble() < ServiceModel.EXPLORATION_SHARE) {
                item = catalog.global.sample(rng);
            } else {
                int g = pickGenre(rng.nextDouble());
                AliasTable table = catalog.byGenre[g];
                item = table == null ? catalog.global.sample(rng) : catalog.genreItems[g][table.sample(rng)];
            }
            if (catalog.releaseDay[item] > day) continue;
            if (seen.contains(item)) {
                fallback = item;
                if (rng.nextDouble() >= ServiceModel.REWATCH_ACCEPT) continue;
            }
            return item;
        }
        return fallback;
    }

    private int pickGenre(double x) {
        double target = x * tasteCdf[tasteCdf.length - 1];
        for (int g = 0; g < tasteCdf.length - 1; g++) if (target < tasteCdf[g]) return g;
        return tasteCdf.length - 1;
    }

    /** Rating from satisfaction + quality + taste match + noise, in the user's half or whole stars. */
    private int rateHalfSteps(int u, int item, SplittableRandom rng) {
        int genres = catalog.genres;
        double match = 0;
        for (int g = 0; g < genres; g++) match += audience.taste[u * genres + g] * catalog.mix[item * genres + g];
        double score = ServiceModel.RATING_MEAN
                + ServiceModel.RATING_SATISFACTION * audience.satisfaction[u]
                + ServiceModel.RATING_QUALITY * catalog.quality[item]
                + ServiceModel.RATING_TASTE * (match - 1.0 / genres)
                + ServiceModel.RATING_NOISE_SD * Draws.normal(rng);
        int half = audience.halfStars[u] ? (int) Math.round(score * 2) : 2 * (int) Math.round(score);
        return Math.max(2, Math.min(10, half));
    }

    /** An open-addressing set of item indexes, cleared per user without reallocating. */
    private static final class SeenItems {
        private int[] slots = new int[256];
        private int size;

        void clear() {
            // A power user grows the table; shrink it again so light users do not pay to wipe it.
            if (slots.length > 256) slots = new int[256];
            else if (size > 0) Arrays.fill(slots, 0);
            size = 0;
        }

        boolean contains(int item) {
            int key = item + 1;
            int mask = slots.length - 1;
            for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
                if (slots[i] == 0) return false;
                if (slots[i] == key) return true;
            }
        }

        void add(int item) {
            if ((size + 1) * 2 > slots.length) grow();
            if (insert(slots, item + 1)) size++;
        }

        private void grow() {
            int[] bigger = new int[slots.length * 2];
            for (int k : slots) if (k != 0) insert(bigger, k);
            slots = bigger;
        }

        private static boolean insert(int[] table, int key) {
            int mask = table.length - 1;
            for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
                if (table[i] == key) return false;
                if (table[i] == 0) {
                    table[i] = key;
                    return true;
                }
            }
        }

        private static int hash(int k) {
            int h = k * 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }
}
