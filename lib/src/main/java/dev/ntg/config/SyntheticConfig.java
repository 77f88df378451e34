package dev.ntg.config;

import java.util.List;

/**
 * The embedded synthetic streaming service. Deterministic from {@code project.seed}.
 *
 * @param events              target number of events
 * @param users               number of users (0: scale with events like MovieLens-25M, ~156 events per user)
 * @param items               number of items (0: scale with events like MovieLens-25M, ~415 events per item)
 * @param genres              names of the latent genres items mix over
 * @param start               first day of the service (ISO date)
 * @param days                length of the observed period in days
 * @param zipfExponent        popularity law of items within a genre
 * @param activitySigma       spread (log-normal sigma) of user activity; larger makes heavier power users
 * @param baseMonthlyChurn    monthly probability of quitting for a user with average drivers
 * @param truthHorizonDays    horizon of the true churn probabilities written to the sidecar
 * @param truthCutoffFractions cutoffs (as fractions of the observed period) at which the sidecar gives true churn probabilities
 */
public record SyntheticConfig(long events, int users, int items, List<String> genres, String start, int days,
                              double zipfExponent, double activitySigma, double baseMonthlyChurn, int truthHorizonDays,
                              List<Double> truthCutoffFractions) {
    private static final java.util.regex.Pattern GENRE_NAME = java.util.regex.Pattern.compile("[a-z][a-z0-9_-]*");

    public SyntheticConfig {
        Check.positive("events", events);
        Check.nonNegative("users", users);
        Check.nonNegative("items", items);
        Check.that(genres != null && genres.size() >= 2, "genres", "must name at least 2 genres");
        Check.that(genres.stream().distinct().count() == genres.size(), "genres", "must not repeat a name");
        for (String g : genres) {
            // Genre names become column names (taste_<genre>, mix_<genre>) and catalog titles.
            Check.that(g != null && GENRE_NAME.matcher(g).matches(), "genres",
                    "each must be a lowercase word (letters, digits, _ or -, starting with a letter), got '" + g + "'");
        }
        Timestamps.parseSetting("start", Check.required("start", start));
        Check.positive("days", days);
        Check.positive("zipf_exponent", zipfExponent);
        Check.positive("activity_sigma", activitySigma);
        Check.between("base_monthly_churn", baseMonthlyChurn, 0.0, 1.0);
        Check.positive("truth_horizon_days", truthHorizonDays);
        Check.required("truth_cutoff_fractions", truthCutoffFractions);
        for (Double f : truthCutoffFractions) {
            Check.that(f != null && f > 0 && f < 1, "truth_cutoff_fractions", "each must be strictly between 0 and 1, got " + f);
        }
    }
}
