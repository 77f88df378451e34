package dev.ntg.features;

import dev.ntg.config.FeaturesConfig;
import dev.ntg.io.PathCatalog;
import dev.ntg.run.TrainView;

import java.util.List;

import static dev.ntg.features.FeatureColumn.column;
import static dev.ntg.features.FeatureSql.daysBetween;
import static dev.ntg.features.FeatureSql.mean;

/**
 * One row per (user, item) pair seen in TRAIN: how often and how recently, the pair's value, and that value
 * relative to the user's own mean (a 4 from a harsh rater says more than a 4 from a generous one).
 */
public final class InteractionFeatures {
    private InteractionFeatures() {
    }

    public static FeatureTable of(TrainView train, FeaturesConfig config) {
        Windows win = new Windows(train);
        String ev = train.relation();
        String recency = daysBetween("last_ts", win.asOf());
        String relation = "WITH u AS (SELECT user_id, " + FeatureSql.valueSums("value", "u") + " FROM " + ev + " GROUP BY user_id), "
                + "agg AS (SELECT user_id, item_id, count(*) AS n, min(ts) AS first_ts, max(ts) AS last_ts, "
                + FeatureSql.valueSums("value", "v") + " FROM " + ev + " GROUP BY user_id, item_id) "
                + "SELECT * FROM agg JOIN u USING (user_id)";
        String noValues = "the pair's TRAIN events carry no value";
        List<FeatureColumn> columns = List.of(
                column("user_id", "VARCHAR", "id", "user_id", "user identifier"),
                column("item_id", "VARCHAR", "id", "item_id", "item identifier"),
                column("event_count", "BIGINT", "events", "n", "TRAIN events of the user on the item"),
                column("first_ts", "TIMESTAMP", "UTC timestamp", "first_ts", "first TRAIN event of the pair"),
                column("last_ts", "TIMESTAMP", "UTC timestamp", "last_ts", "last TRAIN event of the pair"),
                column("recency_days", "DOUBLE", "days", recency, "time from the pair's last event to as_of"),
                column("recency_weight", "DOUBLE", "weight in (0, 1]", "pow(0.5, " + recency + " / " + config.halfLifeDays() + ")",
                        "0.5 ^ (recency_days / features.half_life_days): 1 at as_of, halving every half-life"),
                column("value_count", "BIGINT", "events", "v_n", "events of the pair with a value"),
                column("value_mean", "DOUBLE", "value units", mean("v"), "the pair's value (mean when the pair has several)")
                        .nullWhen(noValues),
                column("value_user_centered", "DOUBLE", "value units", mean("v") + " - " + mean("u"),
                        "the pair's value minus the user's mean value over all TRAIN events (users.value_mean)")
                        .nullWhen(noValues));
        return new FeatureTable("interactions", PathCatalog.INTERACTION_FEATURES, "one row per (user, item) pair with a TRAIN event",
                List.of("user_id", "item_id"), columns, relation, train.duck());
    }
}
