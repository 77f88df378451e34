package dev.ntg.data.synthetic;

/**
 * The planted effects of the synthetic service in one place, so the generator, the truth sidecar and its
 * description in {@code truth.json} cannot drift apart. Days count from the service start (day 0).
 */
public final class ServiceModel {
    /** Bumped whenever a change alters what a given seed produces. */
    public static final String GENERATOR_VERSION = "1";

    // Users
    /** Share of users who signed up before the observed period (still subscribed at its start). */
    static final double PRE_START_SHARE = 0.25;
    /** How far before the start pre-period users may have signed up. */
    static final int PRE_START_SIGNUP_DAYS = 365;
    /** Dirichlet concentration of user taste: below 1, so most users lean on two or three genres. */
    static final double TASTE_ALPHA = 0.5;
    /** Share of users whose activity declines steadily. */
    static final double DECLINER_SHARE = 0.35;
    /** Decliners lose between these many e-folds of activity per year. */
    static final double DECLINE_MIN = 1.0, DECLINE_MAX = 4.0;
    /** Everyone else drifts a little (log-rate slope per year, normal sd). */
    static final double DRIFT_SD = 0.25;
    /** Share of users who rate in half stars (the rest use whole stars). */
    static final double HALF_STAR_SHARE = 0.5;

    // Churn drivers: log-hazard effects
    /** Log-hazard per standard deviation of satisfaction (negative: unhappy users leave). */
    public static final double SATISFACTION_EFFECT = -0.5;
    /** Log-hazard per e-fold per year of activity decline. */
    public static final double DECLINE_EFFECT = 0.35;
    /** Newcomers' extra hazard: multiplier 1 + NEW_USER_BOOST·exp(-tenure / NEW_USER_DAYS). */
    public static final double NEW_USER_BOOST = 2.0;
    public static final double NEW_USER_DAYS = 30.0;
    /** No user quits with more than this daily probability, whatever the drivers say. */
    public static final double MAX_DAILY_HAZARD = 0.5;

    // Items
    /** Dirichlet concentration of an item's genre mixture: small, so most items have one dominant genre. */
    static final double MIX_ALPHA = 0.2;
    /** A genre is listed in the item's metadata when its mixture weight is at least this. */
    static final double GENRE_LIST_THRESHOLD = 0.2;
    /** Share of items released during the observed period (the rest are back catalog). */
    static final double NEW_RELEASE_SHARE = 0.3;
    /** How old the back catalog can be. */
    static final int BACK_CATALOG_DAYS = 3650;

    // Choice and rating
    /** Share of plays picked from global popularity instead of the user's taste. */
    static final double EXPLORATION_SHARE = 0.1;
    /** Chance that a drawn, already-seen item is accepted as a re-watch rather than redrawn. */
    static final double REWATCH_ACCEPT = 0.05;
    /** Draws per play before giving up (unreleased or repeated items are redrawn). */
    static final int MAX_DRAWS = 24;
    static final double RATING_MEAN = 3.3;
    static final double RATING_SATISFACTION = 0.45;
    static final double RATING_QUALITY = 0.45;
    static final double RATING_TASTE = 1.5;
    static final double RATING_NOISE_SD = 0.8;

    private ServiceModel() {
    }

    /** Daily quit probability of an average user (satisfaction 0, no decline, long tenure). */
    public static double baseDailyHazard(double baseMonthlyChurn) {
        return 1.0 - Math.pow(1.0 - baseMonthlyChurn, 1.0 / 30.0);
    }

    /** The static part of a user's hazard: exp(satisfaction effect + decline effect). */
    public static double hazardMultiplier(double satisfaction, double trendPerYear) {
        return Math.exp(SATISFACTION_EFFECT * satisfaction + DECLINE_EFFECT * Math.max(0.0, -trendPerYear));
    }

    /** Newcomers churn more: the multiplier falls from 1 + boost at sign-up to 1 after a few months. */
    public static double tenureMultiplier(int tenureDays) {
        return 1.0 + NEW_USER_BOOST * Math.exp(-Math.max(0, tenureDays) / NEW_USER_DAYS);
    }

    /** Daily quit probability of a user on a day, given their tenure on that day. */
    public static double dailyHazard(double baseDailyHazard, double hazardMultiplier, int tenureDays) {
        return Math.min(MAX_DAILY_HAZARD, baseDailyHazard * hazardMultiplier * tenureMultiplier(tenureDays));
    }

    /** Expected plays on a day: the base rate scaled by the trend since the later of sign-up and start. */
    public static double dailyRate(double baseRate, double trendPerYear, int signupDay, int day) {
        int origin = Math.max(signupDay, 0);
        return baseRate * Math.exp(trendPerYear * (day - origin) / 365.0);
    }
}
