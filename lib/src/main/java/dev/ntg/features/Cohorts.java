package dev.ntg.features;

/**
 * The two population splits several features refer to, each defined once as a SQL relation over the TRAIN view:
 * the popular head of items and the power users.
 */
final class Cohorts {
    private Cohorts() {
    }

    /**
     * Items with {@code event_count}, {@code popularity_rank} (1 = most events; ties by item_id) and {@code is_head}.
     * The head is the shortest prefix of the popularity ranking whose items together cover at least
     * {@code headShare} of TRAIN events: an item is in it when the events of the items ranked before it fall short
     * of that share.
     */
    static String itemPopularity(String events, double headShare) {
        return "SELECT item_id, event_count, popularity_rank, coalesce(events_before, 0) < " + headShare + " * total AS is_head "
                + "FROM (SELECT item_id, event_count, "
                + "row_number() OVER (ORDER BY event_count DESC, item_id) AS popularity_rank, "
                + "sum(event_count) OVER (ORDER BY event_count DESC, item_id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS events_before, "
                + "sum(event_count) OVER () AS total "
                + "FROM (SELECT item_id, count(*) AS event_count FROM " + events + " GROUP BY item_id))";
    }

    /**
     * Users with {@code event_count} and {@code is_power_user}: at or above the {@code quantile} quantile
     * ({@code quantile_disc}, an observed count) of per-user TRAIN event counts.
     */
    static String userActivity(String events, double quantile) {
        return "WITH counts AS (SELECT user_id, count(*) AS event_count FROM " + events + " GROUP BY user_id) "
                + "SELECT user_id, event_count, " + isPowerUser("event_count", "counts", quantile) + " AS is_power_user FROM counts";
    }

    /** The power-user test of {@link #userActivity} on a relation that already holds one row per user with its event count. */
    static String isPowerUser(String eventCount, String perUser, double quantile) {
        return eventCount + " >= (SELECT quantile_disc(" + eventCount + ", " + quantile + ") FROM " + perUser + ")";
    }
}
