package dev.ntg.config;

/**
 * Stage 02, features from TRAIN. Every window is measured back from the train cutoff (VAL start).
 *
 * @param trendWindowDays   length of the two adjacent windows the activity trend compares: the last
 *                          {@code trendWindowDays} of TRAIN against the {@code trendWindowDays} before them
 * @param recentDays        an item's "recent popularity" counts its events in the last {@code recentDays} of TRAIN
 * @param halfLifeDays      half-life of an interaction's recency weight: an interaction last seen this many days
 *                          before the cutoff weighs 0.5
 * @param valuePriorWeight  strength (in pseudo-events at the global mean) of the prior that shrinks an item's value mean
 * @param headShare         the popular head: the most-consumed items that together cover this share of TRAIN events
 * @param powerUserQuantile power users: users whose TRAIN event count is at least this quantile of per-user counts
 */
public record FeaturesConfig(int trendWindowDays, int recentDays, double halfLifeDays, double valuePriorWeight,
                             double headShare, double powerUserQuantile) {
    public FeaturesConfig {
        Check.positive("trend_window_days", trendWindowDays);
        Check.positive("recent_days", recentDays);
        Check.positive("half_life_days", halfLifeDays);
        Check.nonNegative("value_prior_weight", valuePriorWeight);
        Check.that(headShare > 0 && headShare <= 1, "head_share", "must be in (0, 1], got " + headShare);
        Check.that(powerUserQuantile > 0 && powerUserQuantile < 1, "power_user_quantile",
                "must be strictly between 0 and 1, got " + powerUserQuantile);
    }
}
