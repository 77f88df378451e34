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

import static dev.ntg.features.UserFeaturesTest.near;
import static org.junit.jupiter.api.Assertions.*;

/** Half-life 10 d. User value means: u1 11/3, u2 3, u3 4. */
@DisplayName("InteractionFeatures on the hand-computed fixture")
class InteractionFeaturesTest {
    private DuckSession duck;
    private Map<String, Map<String, Object>> pairs;

    @BeforeEach
    void build(@TempDir Path dir) {
        duck = DuckSession.inMemory();
        pairs = FeatureFixture.rows(InteractionFeatures.of(FeatureFixture.load(duck), FeatureFixture.CONFIG),
                dir.resolve("interactions.parquet"));
    }

    @AfterEach
    void close() {
        duck.close();
    }

    @Test
    @DisplayName("one row per (user, item), sorted by user then item")
    void pairs() {
        assertEquals(List.of("u1/i1", "u1/i2", "u2/i1", "u2/i2", "u2/i3", "u2/i4", "u3/i1"), List.copyOf(pairs.keySet()));
    }

    @Test
    @DisplayName("u1/i1: two events (4 on Feb 20, 5 on Feb 26)")
    void repeatedPair() {
        Map<String, Object> p = pairs.get("u1/i1");
        assertEquals(2L, p.get("event_count"));
        assertEquals(LocalDateTime.parse("2024-02-20T00:00"), p.get("first_ts"));
        assertEquals(LocalDateTime.parse("2024-02-26T00:00"), p.get("last_ts"));
        near(4, p, "recency_days");
        near(Math.pow(0.5, 0.4), p, "recency_weight");
        near(4.5, p, "value_mean");
        near(4.5 - 11.0 / 3, p, "value_user_centered");
    }

    @Test
    @DisplayName("u1/i2 is below the user's mean; u2/i4 has no value")
    void singlePairs() {
        near(8, pairs.get("u1/i2"), "recency_days");
        near(Math.pow(0.5, 0.8), pairs.get("u1/i2"), "recency_weight");
        near(2 - 11.0 / 3, pairs.get("u1/i2"), "value_user_centered");
        near(0, pairs.get("u2/i1"), "value_user_centered");
        assertNull(pairs.get("u2/i4").get("value_mean"));
        assertNull(pairs.get("u2/i4").get("value_user_centered"));
        near(2.5, pairs.get("u2/i4"), "recency_days");
    }
}
