package dev.ntg.features;

import dev.ntg.io.DuckSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("UserFeatures on the hand-computed fixture")
class UserFeaturesTest {
    private static final double EPS = 1e-9;
    private DuckSession duck;
    private Map<String, Map<String, Object>> users;

    @BeforeEach
    void build(@TempDir Path dir) {
        duck = DuckSession.inMemory();
        users = FeatureFixture.rows(UserFeatures.of(FeatureFixture.load(duck), FeatureFixture.CONFIG), dir.resolve("users.parquet"));
    }

    @AfterEach
    void close() {
        duck.close();
    }

    @Test
    @DisplayName("one row per user, sorted by user_id")
    void oneRowPerUser() {
        assertEquals(List.of("u1", "u2", "u3"), List.copyOf(users.keySet()));
    }

    @Test
    @DisplayName("u1: i1 Feb 20 (4), i2 Feb 22 (2), i1 Feb 26 (5)")
    void u1() {
        Map<String, Object> u = users.get("u1");
        assertEquals(3L, u.get("event_count"));
        assertEquals(2L, u.get("distinct_items"));
        near(1.0 / 3, u, "repeat_share");                   // 1 - 2/3
        assertEquals(3L, u.get("active_days"));
        assertEquals(2L, u.get("active_weeks"));            // weeks of Mon Feb 19 and Mon Feb 26
        assertEquals(LocalDateTime.parse("2024-02-20T00:00"), u.get("first_ts"));
        assertEquals(LocalDateTime.parse("2024-02-26T00:00"), u.get("last_ts"));
        near(6, u, "tenure_days");
        near(10, u, "age_days");                           // Feb 20 → Mar 1 in a leap year
        near(4, u, "recency_days");                        // Feb 26 → Mar 1
        near(1.5, u, "events_per_active_week");             // 3 events / 2 weeks
        near(3, u, "gap_mean_days");                       // gaps 2 d and 4 d
        near(3, u, "gap_median_days");
        near(1.0 / 3, u, "gap_cv");                        // population sd 1 / mean 3
        assertEquals(3L, u.get("value_count"));
        near(11.0 / 3, u, "value_mean");                   // (4 + 2 + 5) / 3
        near(14.0 / 9, u, "value_var");                    // 45/3 - (11/3)²
        assertEquals(1L, u.get("events_trend_recent"));     // [Feb 23, Mar 1): Feb 26
        assertEquals(2L, u.get("events_trend_prior"));      // [Feb 16, Feb 23): Feb 20, Feb 22
        near(Math.log(2.0 / 3), u, "activity_trend");       // ln((1+1)/(2+1))
        near(2.0 / 3, u, "head_share");                    // 2 of 3 events on i1
        near(10.0 / 3, u, "mean_item_popularity");         // (4 + 2 + 4) / 3
        assertEquals(true, u.get("is_power_user"));
    }

    @Test
    @DisplayName("u2: i1 Feb 10 12:00 (3), i3 Feb 24 12:00 (1), i4 Feb 27 12:00 (no value), i2 Feb 28 (5)")
    void u2() {
        Map<String, Object> u = users.get("u2");
        assertEquals(4L, u.get("event_count"));
        near(0, u, "repeat_share");
        assertEquals(4L, u.get("active_days"));
        assertEquals(3L, u.get("active_weeks"));            // weeks of Feb 5, Feb 19, Feb 26
        near(17.5, u, "tenure_days");
        near(19.5, u, "age_days");
        near(2, u, "recency_days");
        near(4.0 / 3, u, "events_per_active_week");
        near(17.5 / 3, u, "gap_mean_days");                // gaps 14, 3, 0.5 d
        near(3, u, "gap_median_days");
        // population sd = sqrt(3·205.25 - 17.5²) / 3, mean = 17.5 / 3
        near(Math.sqrt(3 * 205.25 - 17.5 * 17.5) / 17.5, u, "gap_cv");
        assertEquals(3L, u.get("value_count"));            // the NULL value is not counted
        near(3, u, "value_mean");                          // (3 + 1 + 5) / 3
        near(8.0 / 3, u, "value_var");                     // 35/3 - 9
        assertEquals(3L, u.get("events_trend_recent"));
        assertEquals(0L, u.get("events_trend_prior"));
        near(Math.log(4), u, "activity_trend");
        near(0.25, u, "head_share");
        near(2, u, "mean_item_popularity");                // (4 + 1 + 1 + 2) / 4
        assertEquals(true, u.get("is_power_user"));
    }

    @Test
    @DisplayName("u3, a single event: gap statistics are NULL, value variance is 0")
    void u3() {
        Map<String, Object> u = users.get("u3");
        assertEquals(1L, u.get("event_count"));
        near(0, u, "tenure_days");
        near(1, u, "recency_days");
        assertNull(u.get("gap_mean_days"));
        assertNull(u.get("gap_median_days"));
        assertNull(u.get("gap_cv"));
        near(4, u, "value_mean");
        near(0, u, "value_var");
        near(Math.log(2), u, "activity_trend");
        near(1, u, "head_share");
        assertEquals(false, u.get("is_power_user"));
    }

    static void near(double expected, Map<String, Object> row, String column) {
        Object v = row.get(column);
        assertNotNull(v, column + " is NULL");
        assertEquals(expected, ((Number) v).doubleValue(), EPS, column);
    }
}
