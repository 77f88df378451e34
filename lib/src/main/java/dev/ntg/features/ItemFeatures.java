package dev.ntg.features;

import dev.ntg.config.FeaturesConfig;
import dev.ntg.io.PathCatalog;
import dev.ntg.run.TrainView;

import java.util.List;

import static dev.ntg.features.FeatureColumn.column;
import static dev.ntg.features.FeatureSql.daysBetween;
import static dev.ntg.features.FeatureSql.mean;

/**
 * One row per TRAIN item: popularity overall and recently, its place in the head, age, trend, value statistics
 * (raw and shrunk toward the global mean, so that an item with two ratings does not top a chart) and how much
 * of its audience is power users.
 */
public final class ItemFeatures {
    private ItemFeatures() {
    }

    public static FeatureTable of(TrainView train, FeaturesConfig config) {
        Windows win = new Windows(train);
        String ev = train.relation();
        int w = config.trendWindowDays();
        int recent = config.recentDays();
        double prior = config.valuePriorWeight();
        String relation = "WITH pop AS (" + Cohorts.itemPopularity(ev, config.headShare()) + "), "
                + "act AS (" + Cohorts.userActivity(ev, config.powerUserQuantile()) + "), "
                + "g AS (SELECT " + FeatureSql.valueSums("value", "g") + " FROM " + ev + "), "
                + "agg AS (SELECT e.item_id, count(DISTINCT e.user_id) AS users, min(e.ts) AS first_ts, max(e.ts) AS last_ts, "
                + FeatureSql.valueSumsAndSquares("e.value", "v") + ", "
                + "count(*) FILTER (WHERE " + win.last("e.ts", recent) + ") AS recent_n, "
                + "count(*) FILTER (WHERE " + win.last("e.ts", w) + ") AS trend_recent_n, "
                + "count(*) FILTER (WHERE " + win.previous("e.ts", w) + ") AS trend_prior_n, "
                + "count(*) FILTER (WHERE a.is_power_user) AS power_n "
                + "FROM " + ev + " e JOIN act a USING (user_id) GROUP BY e.item_id) "
                + "SELECT * FROM agg JOIN pop USING (item_id) CROSS JOIN g";
        String noValues = "the item's TRAIN events carry no value";
        List<FeatureColumn> columns = List.of(
                column("item_id", "VARCHAR", "id", "item_id", "item identifier"),
                column("event_count", "BIGINT", "events", "event_count", "TRAIN events on the item"),
                column("distinct_users", "BIGINT", "users", "users", "distinct users who consumed the item"),
                column("popularity_rank", "BIGINT", "rank", "popularity_rank", "rank by event_count, 1 = most events; ties broken by item_id"),
                column("is_head", "BOOLEAN", "flag", "is_head",
                        "in the popular head: the most-consumed items that together cover features.head_share of TRAIN events"),
                column("events_recent", "BIGINT", "events", "recent_n", "recent popularity: events in the last features.recent_days of TRAIN")
                        .window(Windows.lastWords(recent)),
                column("first_ts", "TIMESTAMP", "UTC timestamp", "first_ts", "first TRAIN event (first seen)"),
                column("last_ts", "TIMESTAMP", "UTC timestamp", "last_ts", "last TRAIN event"),
                column("age_days", "DOUBLE", "days", daysBetween("first_ts", win.asOf()), "time from first seen to as_of"),
                column("recency_days", "DOUBLE", "days", daysBetween("last_ts", win.asOf()), "time from the last TRAIN event to as_of"),
                column("events_trend_recent", "BIGINT", "events", "trend_recent_n", "events in the last trend window")
                        .window(Windows.lastWords(w)),
                column("events_trend_prior", "BIGINT", "events", "trend_prior_n", "events in the trend window before that")
                        .window(Windows.previousWords(w)),
                column("popularity_trend", "DOUBLE", "log ratio", FeatureSql.logTrend("trend_recent_n", "trend_prior_n"),
                        "ln((events_trend_recent + 1) / (events_trend_prior + 1)): > 0 rising, < 0 fading")
                        .window(Windows.previousWords(w) + " vs " + Windows.lastWords(w)),
                column("value_count", "BIGINT", "events", "v_n", "events with a value"),
                column("value_mean", "DOUBLE", "value units", mean("v"), "mean value").nullWhen(noValues),
                column("value_var", "DOUBLE", "value units squared", FeatureSql.variance("v"),
                        "population variance of the values (divide by value_count)").nullWhen(noValues),
                column("value_mean_shrunk", "DOUBLE", "value units",
                        "(CAST(coalesce(v_sum, 0) AS DOUBLE) + " + prior + " * " + mean("g") + ") / nullif(v_n + " + prior + ", 0)",
                        "value mean shrunk toward the global TRAIN mean: (sum of values + w * global mean) / (value_count + w), "
                                + "w = features.value_prior_weight; the global mean itself for items without values")
                        .nullWhen("TRAIN carries no values at all, or the item has none and value_prior_weight is 0"),
                column("power_user_share", "DOUBLE", "share", "power_n / event_count",
                        "audience concentration: share of the item's events made by power users (see users.is_power_user)"));
        return new FeatureTable("items", PathCatalog.ITEM_FEATURES, "one row per item with a TRAIN event", List.of("item_id"),
                columns, relation, train.duck());
    }
}
