package dev.ntg.features;

import dev.ntg.io.DuckSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.ntg.features.UserFeaturesTest.near;
import static org.junit.jupiter.api.Assertions.*;

/** Global mean of the 7 values in TRAIN: (4+2+5+3+1+5+4)/7 = 24/7; prior weight 2. Recent window [Feb 20, Mar 1). */
@DisplayName("ItemFeatures on the hand-computed fixture")
class ItemFeaturesTest {
    private DuckSession duck;
    private Map<String, Map<String, Object>> items;

    @BeforeEach
    void build(@TempDir Path dir) {
        duck = DuckSession.inMemory();
        items = FeatureFixture.rows(ItemFeatures.of(FeatureFixture.load(duck), FeatureFixture.CONFIG), dir.resolve("items.parquet"));
    }

    @AfterEach
    void close() {
        duck.close();
    }

    @Test
    @DisplayName("i1, the head item: 4 events by u1 (4, 5), u2 (3), u3 (4)")
    void i1() {
        Map<String, Object> i = items.get("i1");
        assertEquals(4L, i.get("event_count"));
        assertEquals(3L, i.get("distinct_users"));
        assertEquals(1L, i.get("popularity_rank"));
        assertEquals(true, i.get("is_head"));
        assertEquals(3L, i.get("events_recent"));           // Feb 20, 26, 29
        near(19.5, i, "age_days");                          // first seen Feb 10 12:00
        near(1, i, "recency_days");
        near(Math.log(3.0 / 2), i, "popularity_trend");     // recent Feb 26, 29; prior Feb 20
        near(4, i, "value_mean");
        near(0.5, i, "value_var");                          // 66/4 - 16
        near(80.0 / 21, i, "value_mean_shrunk");            // (16 + 2·24/7) / (4 + 2)
        near(0.75, i, "power_user_share");                  // u1 ×2 and u2 of 4
    }

    @Test
    @DisplayName("i2 and i3 are outside the head; ties in count are ranked by item_id")
    void tailItems() {
        assertEquals(List.of(2L, 3L, 4L), List.of(items.get("i2").get("popularity_rank"), items.get("i3").get("popularity_rank"),
                items.get("i4").get("popularity_rank")));
        assertEquals(false, items.get("i2").get("is_head"));
        near(8, items.get("i2"), "age_days");
        near(0, items.get("i2"), "popularity_trend");       // one event in each window
        near(2.25, items.get("i2"), "value_var");           // values 2, 5
        near(97.0 / 28, items.get("i2"), "value_mean_shrunk"); // (7 + 48/7) / 4
        near(55.0 / 21, items.get("i3"), "value_mean_shrunk"); // (1 + 48/7) / 3
        near(5.5, items.get("i3"), "recency_days");
    }

    @Test
    @DisplayName("i4 has no value: raw value stats are NULL, the shrunk mean is the global mean")
    void itemWithoutValue() {
        Map<String, Object> i = items.get("i4");
        assertEquals(0L, i.get("value_count"));
        assertNull(i.get("value_mean"));
        assertNull(i.get("value_var"));
        near(24.0 / 7, i, "value_mean_shrunk");
        near(1, i, "power_user_share");
    }
}
