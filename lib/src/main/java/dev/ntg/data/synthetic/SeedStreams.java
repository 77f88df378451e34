package dev.ntg.data.synthetic;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from the master seed. Each user (and the catalog) gets its own stream
 * keyed by (seed, purpose, id), so a user's draws do not depend on which thread simulates it or on how many
 * users come before it: the output is the same for any thread count.
 */
final class SeedStreams {
    static final long CATALOG = 0x43415441L;
    static final long USER_PROFILE = 0x50524f46L;
    static final long USER_LIFE = 0x4c494645L;

    private SeedStreams() {
    }

    static SplittableRandom of(long seed, long purpose, long id) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ purpose);
        h = mix(h ^ id);
        return new SplittableRandom(h);
    }

    /** SplitMix64 finaliser: a bijective mixer that spreads nearby inputs over the whole 64-bit range. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
