package dev.ntg.ranking;

import dev.ntg.io.DuckSession;
import dev.ntg.run.TrainView;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("TRAIN as the ranker sees it")
class TrainDataTest {
    @Test
    @DisplayName("histories, events per user, distinct users per item all-time and over the last recent_days (from the boundary on)")
    void loadsFromDuckDb() {
        try (DuckSession duck = DuckSession.inMemory()) {
            // cutoff 2024-02-01, recent_days 10: recent from 2024-01-22 00:00 (inclusive)
            duck.execute("CREATE TABLE ev AS SELECT * FROM (VALUES ('a', 'x', TIMESTAMP '2024-01-01 00:00:00', 1.0),"
                    + " ('b', 'z', TIMESTAMP '2024-01-02 00:00:00', 1.0), ('a', 'y', TIMESTAMP '2024-01-05 00:00:00', 1.0),"
                    + " ('c', 'z', TIMESTAMP '2024-01-10 00:00:00', 1.0), ('c', 'z', TIMESTAMP '2024-01-11 00:00:00', 1.0),"
                    + " ('d', 'x', TIMESTAMP '2024-01-22 00:00:00', 1.0), ('a', 'x', TIMESTAMP '2024-01-25 00:00:00', 1.0),"
                    + " ('b', 'y', TIMESTAMP '2024-01-30 00:00:00', 1.0), ('d', 'x', TIMESTAMP '2024-01-23 00:00:00', 1.0))"
                    + " t(user_id, item_id, ts, value)");
            TrainData t = TrainData.load(TrainView.overTable(duck, "ev", Instant.parse("2024-02-01T00:00:00Z")), 10);
            assertArrayEquals(new String[]{"a", "b", "c", "d"}, t.userIds);
            assertArrayEquals(new String[]{"x", "y", "z"}, t.itemIds);
            // a: x (twice), y; b: y, z; c: z (twice); d: x (twice)
            assertArrayEquals(new int[]{0, 2, 4, 5, 6}, t.userPtr);
            assertArrayEquals(new int[]{0, 1, 1, 2, 2, 0}, t.items);
            assertArrayEquals(new long[]{3, 2, 2, 2}, t.userEvents);
            assertArrayEquals(new long[]{2, 2, 2}, t.popularity);
            // users, not events: x: a (01-25) and d (exactly 01-22, and 01-23); y: b (01-30); z: nobody since 01-22
            assertArrayEquals(new long[]{2, 1, 0}, t.recentPopularity);
            assertTrue(t.seen(2, 2));
            assertFalse(t.seen(2, 0));
        }
    }
}
