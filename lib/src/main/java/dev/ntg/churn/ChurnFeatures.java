package dev.ntg.churn;

import dev.ntg.config.FeaturesConfig;
import dev.ntg.features.EventHistory;
import dev.ntg.features.FeatureTable;
import dev.ntg.features.UserFeatures;
import dev.ntg.io.DuckSession;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Model inputs for churn, derived from the stage-02 user features computed on a view "as of" a cutoff (the
 * feature SQL is reused, not rewritten). The transforms are the ones inactivity needs: logs of counts and
 * durations, and the silence measured in the user's own rhythm (expected events missed since the last one).
 * Missing values (a user with one event has no gap) are NaN here and imputed by the {@link Standardizer}.
 */
public final class ChurnFeatures {
    /** Model feature names, in column order. */
    public static final List<String> NAMES = List.of(
            "log_recency_days",          // ln(1 + days since the last event)
            "log_expected_missed",       // ln(1 + recency × events per day of age): silence in the user's own rhythm
            "log_recency_over_gap",      // ln(1 + recency / mean gap)
            "log_daily_rate",            // ln(events / max(age, 1 day))
            "log_event_count",           // ln(1 + events)
            "log_age_days",              // ln(1 + days since the first event): tenure
            "log_gap_mean_days",         // ln(1 + mean gap)
            "gap_cv",                    // burstiness
            "log_recent_events",         // ln(1 + events in the last trend window)
            "activity_trend",            // ln((recent + 1) / (prior + 1))
            "weekly_presence",           // active weeks / weeks of age (capped at 1)
            "repeat_share",
            "value_mean",                // ratings: the observable trace of satisfaction
            "head_share",
            "log_mean_item_popularity");
    /** Index of the recency feature (the recency-only baseline uses it alone). */
    public static final int RECENCY = 0;

    private ChurnFeatures() {
    }

    /**
     * Features of every user with an event before {@code asOf} in the history's view: the stage-02 user features
     * ({@link UserFeatures#of}) of {@code history.base().before(asOf)}, from the history's per-event columns.
     */
    public static Map<String, double[]> asOf(EventHistory history, Instant asOf, FeaturesConfig config) {
        return read(history.base().duck(), UserFeatures.asOf(history, asOf, config));
    }

    private static Map<String, double[]> read(DuckSession duck, FeatureTable users) {
        String sql = "SELECT user_id, event_count, recency_days, age_days, gap_mean_days, gap_cv, events_trend_recent, activity_trend, "
                + "active_weeks, repeat_share, value_mean, head_share, mean_item_popularity FROM (" + users.query() + ")";
        Map<String, double[]> out = new HashMap<>();
        duck.forEach(sql, rs -> out.put(rs.getString(1), row(rs)));
        return out;
    }

    private static double[] row(ResultSet rs) throws SQLException {
        double n = rs.getDouble(2);
        double recency = rs.getDouble(3);
        double age = rs.getDouble(4);
        double gapMean = nullable(rs, 5);
        double gapCv = nullable(rs, 6);
        double recent = rs.getDouble(7);
        double trend = rs.getDouble(8);
        double weeks = rs.getDouble(9);
        double repeat = rs.getDouble(10);
        double value = nullable(rs, 11);
        double head = rs.getDouble(12);
        double pop = rs.getDouble(13);
        double rate = n / Math.max(age, 1.0);
        return new double[]{
                Math.log1p(recency),
                Math.log1p(recency * rate),
                Double.isNaN(gapMean) ? Double.NaN : Math.log1p(recency / Math.max(gapMean, 1.0 / 24)),
                Math.log(rate),
                Math.log1p(n),
                Math.log1p(age),
                Double.isNaN(gapMean) ? Double.NaN : Math.log1p(gapMean),
                gapCv,
                Math.log1p(recent),
                trend,
                Math.min(1.0, weeks / Math.max(1.0, age / 7.0)),
                repeat,
                value,
                head,
                Math.log1p(pop)};
    }

    private static double nullable(ResultSet rs, int col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? Double.NaN : v;
    }
}
