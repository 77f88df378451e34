package dev.ntg.config;

import java.util.Collection;

/** Range checks for the compact constructors of settings records; each names the key it rejects. */
public final class Check {
    private Check() {
    }

    public static int positive(String key, int value) {
        if (value <= 0) throw new InvalidSetting(key, "must be > 0, got " + value);
        return value;
    }

    public static long positive(String key, long value) {
        if (value <= 0) throw new InvalidSetting(key, "must be > 0, got " + value);
        return value;
    }

    public static double positive(String key, double value) {
        if (!(value > 0) || Double.isInfinite(value)) throw new InvalidSetting(key, "must be a finite number > 0, got " + value);
        return value;
    }

    public static int nonNegative(String key, int value) {
        if (value < 0) throw new InvalidSetting(key, "must be >= 0, got " + value);
        return value;
    }

    public static double nonNegative(String key, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) throw new InvalidSetting(key, "must be a finite number >= 0, got " + value);
        return value;
    }

    /** Closed interval [lo, hi]. */
    public static double between(String key, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) throw new InvalidSetting(key, "must be between " + lo + " and " + hi + ", got " + value);
        return value;
    }

    public static int between(String key, int value, int lo, int hi) {
        if (value < lo || value > hi) throw new InvalidSetting(key, "must be between " + lo + " and " + hi + ", got " + value);
        return value;
    }

    public static <T> T required(String key, T value) {
        if (value == null) throw new InvalidSetting(key, "is required");
        return value;
    }

    public static String oneOf(String key, String value, Collection<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            throw new InvalidSetting(key, "must be one of " + String.join(", ", allowed) + ", got " + value);
        }
        return value;
    }

    public static void that(boolean ok, String key, String message) {
        if (!ok) throw new InvalidSetting(key, message);
    }
}
