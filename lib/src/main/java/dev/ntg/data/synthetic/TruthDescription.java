package dev.ntg.data.synthetic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.config.SyntheticConfig;
import dev.ntg.io.Json;

/** The contents of {@code truth.json}: how the data was made, in numbers and in words, for scoring later stages. */
final class TruthDescription {
    private TruthDescription() {
    }

    static ObjectNode of(SyntheticConfig c, long seed, double baseDailyHazard, double activityScale, int[] cutoffDays,
                         GenerationReport r) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("generator_version", ServiceModel.GENERATOR_VERSION);
        root.put("seed", seed);
        ObjectNode p = root.putObject("parameters");
        p.put("target_events", c.events());
        p.put("users", r.users());
        p.put("items", r.items());
        ArrayNode genres = p.putArray("genres");
        c.genres().forEach(genres::add);
        p.put("start", c.start());
        p.put("days", c.days());
        p.put("zipf_exponent", c.zipfExponent());
        p.put("activity_sigma", c.activitySigma());
        p.put("activity_scale", activityScale);
        p.put("base_monthly_churn", c.baseMonthlyChurn());
        p.put("base_daily_hazard", baseDailyHazard);
        p.put("truth_horizon_days", c.truthHorizonDays());
        ArrayNode cut = p.putArray("truth_cutoff_days");
        for (int d : cutoffDays) cut.add(d);
        ObjectNode counts = root.putObject("counts");
        counts.put("events", r.events());
        counts.put("expected_events", Math.round(r.expectedEvents()));
        counts.put("users", r.users());
        counts.put("items", r.items());
        counts.put("users_quit", r.usersQuit());
        counts.put("dropped_plays", r.droppedPlays());
        counts.put("churn_truth_rows", r.churnTruthRows());

        ObjectNode model = root.putObject("model");
        model.put("time", "Days count from the start (day 0). Each subscribed day a user plays Poisson(rate) items at random "
                + "seconds (never exactly midnight), then quits for good with the daily hazard. quit_date is the last "
                + "subscribed day. A cutoff is the midnight that begins a day; its horizon is the next horizon_days days.");
        model.put("rate", "rate(d) = base_rate * exp(trend_per_year * (d - max(signup_day, 0)) / 365)");
        model.put("hazard", "hazard(d) = min(" + ServiceModel.MAX_DAILY_HAZARD + ", base_daily_hazard * hazard_multiplier * (1 + "
                + ServiceModel.NEW_USER_BOOST + " * exp(-(d - signup_day) / " + ServiceModel.NEW_USER_DAYS + ")))");
        model.put("hazard_multiplier", "exp(" + ServiceModel.SATISFACTION_EFFECT + " * satisfaction + "
                + ServiceModel.DECLINE_EFFECT + " * max(0, -trend_per_year))");
        model.put("activity", "base_rate = activity_scale * exp(activity_sigma * z - activity_sigma^2 / 2), z ~ N(0,1); "
                + "activity_scale makes the expected total equal target_events");
        model.put("choice", "with probability " + ServiceModel.EXPLORATION_SHARE + " an item by global popularity, else a genre "
                + "by taste then an item by popularity * mixture weight; unreleased items are redrawn, already-played items "
                + "are redrawn unless a " + ServiceModel.REWATCH_ACCEPT + " chance accepts a re-watch");
        model.put("rating", "round(" + ServiceModel.RATING_MEAN + " + " + ServiceModel.RATING_SATISFACTION + " * satisfaction + "
                + ServiceModel.RATING_QUALITY + " * quality + " + ServiceModel.RATING_TASTE + " * (taste . mix - 1/genres) + N(0, "
                + ServiceModel.RATING_NOISE_SD + "^2)) to half or whole stars (half_stars), clamped to 1..5");
        model.put("p_churn", "P(no play in the horizon | true parameters, last play before the cutoff): a forward filter of "
                + "subscribed/quit over the silent days since the last play, then the chance of a silent horizon "
                + "(TrueChurnProbability)");
        model.put("users_before_start", ServiceModel.PRE_START_SHARE + " of users signed up up to "
                + ServiceModel.PRE_START_SIGNUP_DAYS + " days before the start and are still subscribed on day 0");
        model.put("items", ServiceModel.NEW_RELEASE_SHARE + " of items are released during the period; mixtures are "
                + "Dirichlet(" + ServiceModel.MIX_ALPHA + "); the metadata lists genres with weight >= "
                + ServiceModel.GENRE_LIST_THRESHOLD + "; popularity = rank^-zipf_exponent over a random rank, normalised");

        ArrayNode drivers = root.putArray("churn_drivers");
        driver(drivers, "low_satisfaction", "satisfaction ~ N(0,1); each standard deviation lower multiplies the daily "
                + "quit hazard by exp(" + (-ServiceModel.SATISFACTION_EFFECT) + ") = "
                + round(Math.exp(-ServiceModel.SATISFACTION_EFFECT)) + "; satisfaction also lifts ratings by "
                + ServiceModel.RATING_SATISFACTION + " stars per sd, so ratings are its observable trace",
                ServiceModel.SATISFACTION_EFFECT);
        driver(drivers, "declining_activity", ServiceModel.DECLINER_SHARE + " of users lose " + ServiceModel.DECLINE_MIN
                + " to " + ServiceModel.DECLINE_MAX + " e-folds of activity per year; each e-fold per year multiplies the hazard "
                + "by exp(" + ServiceModel.DECLINE_EFFECT + ") = " + round(Math.exp(ServiceModel.DECLINE_EFFECT))
                + "; others drift with slope ~ N(0, " + ServiceModel.DRIFT_SD + "^2) and no hazard effect",
                ServiceModel.DECLINE_EFFECT);
        driver(drivers, "short_tenure", "new users quit more: hazard times 1 + " + ServiceModel.NEW_USER_BOOST
                + " * exp(-tenure_days / " + ServiceModel.NEW_USER_DAYS + "), i.e. x" + (1 + ServiceModel.NEW_USER_BOOST)
                + " on sign-up day, x" + round(1 + ServiceModel.NEW_USER_BOOST * Math.exp(-1)) + " after a month",
                ServiceModel.NEW_USER_BOOST);
        return root;
    }

    private static void driver(ArrayNode drivers, String name, String description, double effect) {
        ObjectNode d = drivers.addObject();
        d.put("name", name);
        d.put("description", description);
        d.put("effect", effect);
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
