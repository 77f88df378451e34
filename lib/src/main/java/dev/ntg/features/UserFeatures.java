package dev.ntg.features;

import dev.ntg.config.FeaturesConfig;
import dev.ntg.io.PathCatalog;
import dev.ntg.run.TrainView;

import java.time.Instant;
import java.util.List;

import static dev.ntg.features.FeatureColumn.column;
import static dev.ntg.features.FeatureSql.daysBetween;
import static dev.ntg.features.FeatureSql.mean;
import static dev.ntg.features.FeatureSql.usToDays;

/**
 * One row per TRAIN user: activity volume and rhythm, recency as of the cutoff, value statistics, trend, and
 * how mainstream the user's consumption is. Inter-event gaps follow the user's events in (ts, item_id) order;
 * standard deviations are population ones (divide by n).
 */
public final class UserFeatures {
    private UserFeatures() {
    }

    public static FeatureTable of(TrainView train, FeaturesConfig config) {
        String ev = train.relation();
        String gaps = "SELECT user_id, epoch_us(ts) - lag(epoch_us(ts)) OVER (PARTITION BY user_id ORDER BY ts, item_id) AS gap_us FROM " + ev;
        String distinct = "count(DISTINCT e.item_id) AS items, count(DISTINCT CAST(e.ts AS DATE)) AS days, "
                + "count(DISTINCT date_trunc('week', e.ts)) AS weeks";
        return table(train, config, ev, gaps, distinct);
    }

    /**
     * The table {@link #of} gives for {@code history.base().before(asOf)}, row for row and bit for bit, from the
     * history's per-event columns: the gaps and first-of-kind flags were computed once over the whole view, so no
     * window or DISTINCT runs per cutoff (churn asks for seven cutoffs of TRAIN).
     */
    public static FeatureTable asOf(EventHistory history, Instant asOf, FeaturesConfig config) {
        TrainView view = history.base().before(asOf);
        String ev = "(SELECT * FROM " + history.table() + " WHERE ts < " + FeatureSql.timestamp(asOf) + ")";
        String distinct = "count(*) FILTER (WHERE e.first_item) AS items, count(*) FILTER (WHERE e.first_day) AS days, "
                + "count(*) FILTER (WHERE e.first_week) AS weeks";
        return table(view, config, ev, null, distinct);
    }

    /** Count, sum and sum of squares (HUGEINT microseconds: exact, so the CV does not depend on summation order) and median of g.gap_us. */
    private static String gapStats(String g) {
        return "count(" + g + ".gap_us) AS gap_n, sum(" + g + ".gap_us) AS gap_sum, sum(CAST(" + g + ".gap_us AS HUGEINT) * " + g + ".gap_us) AS gap_sq, "
                + "quantile_cont(CAST(" + g + ".gap_us AS DOUBLE), 0.5) AS gap_median_us";
    }

    /**
     * @param ev       the events (user_id, item_id, ts, value) before the view's cutoff
     * @param gaps     (user_id, gap_us): each event's time since the user's previous event, NULL for the first; null when
     *                 {@code ev} carries gap_us itself (then the gap statistics join the other per-user aggregates)
     * @param distinct aggregates {@code items}, {@code days}, {@code weeks} over {@code ev e}
     */
    private static FeatureTable table(TrainView train, FeaturesConfig config, String ev, String gaps, String distinct) {
        Windows win = new Windows(train);
        int w = config.trendWindowDays();
        String relation = "WITH pop AS (" + Cohorts.itemPopularity(ev, config.headShare()) + "), "
                + (gaps == null ? "" : "gap_stats AS (SELECT user_id, " + gapStats("g") + " FROM (" + gaps + ") g GROUP BY user_id), ")
                + "agg AS (SELECT e.user_id, count(*) AS n, " + distinct + ", " + (gaps == null ? gapStats("e") + ", " : "")
                + "min(e.ts) AS first_ts, max(e.ts) AS last_ts, " + FeatureSql.valueSumsAndSquares("e.value", "v") + ", "
                + "count(*) FILTER (WHERE " + win.last("e.ts", w) + ") AS recent_n, "
                + "count(*) FILTER (WHERE " + win.previous("e.ts", w) + ") AS prior_n, "
                + "count(*) FILTER (WHERE p.is_head) AS head_n, sum(p.event_count) AS pop_sum "
                + "FROM " + ev + " e JOIN pop p USING (item_id) GROUP BY e.user_id) "
                // agg holds every user of ev with its event count: the power users are found on it, not on a second grouping
                + "SELECT *, " + Cohorts.isPowerUser("n", "agg", config.powerUserQuantile()) + " AS is_power_user FROM agg"
                + (gaps == null ? "" : " JOIN gap_stats USING (user_id)");
        String singleEvent = "the user has a single TRAIN event (no gap)";
        String noValues = "the user's TRAIN events carry no value";
        List<FeatureColumn> columns = List.of(
                column("user_id", "VARCHAR", "id", "user_id", "user identifier"),
                column("event_count", "BIGINT", "events", "n", "TRAIN events of the user"),
                column("distinct_items", "BIGINT", "items", "items", "distinct items the user consumed"),
                column("repeat_share", "DOUBLE", "share", "1 - items / n",
                        "share of the user's events that repeat an item already consumed: 1 - distinct_items / event_count"),
                column("active_days", "BIGINT", "days", "days", "distinct UTC calendar days with at least one event"),
                column("active_weeks", "BIGINT", "weeks", "weeks", "distinct ISO weeks (Monday start, UTC) with at least one event"),
                column("first_ts", "TIMESTAMP", "UTC timestamp", "first_ts", "first TRAIN event"),
                column("last_ts", "TIMESTAMP", "UTC timestamp", "last_ts", "last TRAIN event"),
                column("tenure_days", "DOUBLE", "days", daysBetween("first_ts", "last_ts"), "time from the first to the last TRAIN event"),
                column("age_days", "DOUBLE", "days", daysBetween("first_ts", win.asOf()), "time from the first TRAIN event to as_of"),
                column("recency_days", "DOUBLE", "days", daysBetween("last_ts", win.asOf()), "time from the last TRAIN event to as_of"),
                column("events_per_active_week", "DOUBLE", "events per week", "n / weeks", "frequency: event_count / active_weeks"),
                column("gap_mean_days", "DOUBLE", "days", usToDays("CAST(gap_sum AS DOUBLE) / nullif(gap_n, 0)"),
                        "mean time between consecutive events").nullWhen(singleEvent),
                column("gap_median_days", "DOUBLE", "days", usToDays("gap_median_us"),
                        "median time between consecutive events (interpolated)").nullWhen(singleEvent),
                column("gap_cv", "DOUBLE", "ratio", "sqrt(CAST(gap_n * gap_sq - gap_sum * gap_sum AS DOUBLE)) / nullif(CAST(gap_sum AS DOUBLE), 0)",
                        "coefficient of variation of the gaps: population sd / mean; 0 is perfectly regular, > 1 bursty")
                        .nullWhen(singleEvent + ", or all its events share one instant"),
                column("value_count", "BIGINT", "events", "v_n", "events with a value (rating, watch fraction)"),
                column("value_mean", "DOUBLE", "value units", mean("v"), "mean value").nullWhen(noValues),
                column("value_var", "DOUBLE", "value units squared", FeatureSql.variance("v"),
                        "population variance of the values (divide by value_count)").nullWhen(noValues),
                column("events_trend_recent", "BIGINT", "events", "recent_n", "events in the last trend window").window(Windows.lastWords(w)),
                column("events_trend_prior", "BIGINT", "events", "prior_n", "events in the trend window before that")
                        .window(Windows.previousWords(w)),
                column("activity_trend", "DOUBLE", "log ratio", FeatureSql.logTrend("recent_n", "prior_n"),
                        "ln((events_trend_recent + 1) / (events_trend_prior + 1)): > 0 rising, < 0 fading")
                        .window(Windows.previousWords(w) + " vs " + Windows.lastWords(w)),
                column("head_share", "DOUBLE", "share", "head_n / n",
                        "share of the user's events on head items (the most-consumed items covering features.head_share of TRAIN events); "
                                + "the long-tail share is 1 - head_share").from(FeatureColumn.TRAIN + " + item popularity in TRAIN"),
                column("mean_item_popularity", "DOUBLE", "events", "CAST(pop_sum AS DOUBLE) / n",
                        "mean TRAIN event count of the items behind the user's events (mainstreamness)")
                        .from(FeatureColumn.TRAIN + " + item popularity in TRAIN"),
                column("is_power_user", "BOOLEAN", "flag", "is_power_user",
                        "event_count is at or above the features.power_user_quantile quantile of users' TRAIN event counts"));
        return new FeatureTable("users", PathCatalog.USER_FEATURES, "one row per user with a TRAIN event", List.of("user_id"),
                columns, relation, train.duck());
    }
}
