package dev.ntg.features;

import dev.ntg.io.DuckSession;
import dev.ntg.run.TrainView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("EventHistory: user features at a cutoff without recomputing windows")
class EventHistoryTest {
    private static final Instant END = Instant.parse("2024-03-01T00:00:00Z");
    private DuckSession duck;
    private TrainView train;

    @BeforeEach
    void events() {
        duck = DuckSession.inMemory();
        // 40 users over 23 items in 60 days at a 10-minute grid: repeats, several events per day and week, the same
        // instant on two items, NULL values; then 150 exact duplicates (same user, item and instant).
        duck.execute("CREATE TABLE ev AS SELECT 'u' || (i % 40) AS user_id, 'i' || ((i * 7919) % 23) AS item_id, "
                + "TIMESTAMP '2024-01-01' + to_minutes(CAST(((i * 104729) % (60 * 144)) * 10 AS BIGINT)) AS ts, "
                + "CASE WHEN i % 5 = 0 THEN NULL ELSE (i % 9) / 2.0 END AS value FROM range(4000) t(i)");
        duck.execute("INSERT INTO ev SELECT * FROM ev ORDER BY user_id, ts, item_id LIMIT 150");
        duck.execute("INSERT INTO ev SELECT user_id, 'i99', ts, value FROM ev WHERE user_id = 'u3' ORDER BY ts LIMIT 5");
        train = TrainView.overTable(duck, "ev", END);
    }

    @AfterEach
    void close() {
        duck.close();
    }

    @Test
    @DisplayName("every column equals UserFeatures on the view before the cutoff, bit for bit, at many cutoffs")
    void sameAsRecomputing() {
        List<Instant> cutoffs = List.of(END, Instant.parse("2024-02-15T00:00:00Z"), Instant.parse("2024-02-14T13:40:00Z"),
                Instant.parse("2024-01-08T00:00:00Z"), Instant.parse("2024-01-02T05:00:00Z"));
        try (EventHistory history = EventHistory.of(train)) {
            for (Instant c : cutoffs) {
                String direct = UserFeatures.of(train.before(c), FeatureFixture.CONFIG).query();
                String shared = UserFeatures.asOf(history, c, FeatureFixture.CONFIG).query();
                long rows = duck.queryLong("SELECT count(*) FROM (" + direct + ")");
                assertTrue(rows > 0, "no user before " + c);
                assertEquals(rows, duck.queryLong("SELECT count(*) FROM (" + shared + ")"), "rows at " + c);
                assertEquals(0, duck.queryLong("SELECT count(*) FROM ((" + direct + ") EXCEPT ALL (" + shared + "))"), "rows differ at " + c);
                assertEquals(0, duck.queryLong("SELECT count(*) FROM ((" + shared + ") EXCEPT ALL (" + direct + "))"), "rows differ at " + c);
            }
            // the fixture exercises what the flags replace: repeats, several events per day, several days per week
            String early = UserFeatures.asOf(history, cutoffs.get(1), FeatureFixture.CONFIG).query();
            assertTrue(duck.queryLong("SELECT count(*) FROM (" + early + ") WHERE distinct_items < event_count") > 0);
            assertTrue(duck.queryLong("SELECT count(*) FROM (" + early + ") WHERE active_days < event_count") > 0);
            assertTrue(duck.queryLong("SELECT count(*) FROM (" + early + ") WHERE active_weeks < active_days") > 0);
        }
        assertEquals(0, duck.queryLong("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'ev_history'"), "temp table left behind");
    }

    @Test
    @DisplayName("continued over a longer view, it equals the history of that view: at its end, inside the continuation, and before it")
    void continuation() {
        // the longer view: ev, then 900 more events over the next 20 days, on old and new items, by old and new users
        // (the first of them exactly at END)
        duck.execute("CREATE TABLE longer AS SELECT * FROM ev UNION ALL SELECT 'u' || (i % 45) AS user_id, 'i' || ((i * 31) % 27) AS item_id, "
                + "TIMESTAMP '2024-03-01' + to_minutes(CAST(((i * 7919) % (20 * 144)) * 10 AS BIGINT)) AS ts, "
                + "CASE WHEN i % 4 = 0 THEN NULL ELSE (i % 7) / 2.0 END AS value FROM range(900) t(i)");
        Instant end = Instant.parse("2024-03-21T00:00:00Z");
        TrainView longer = TrainView.overTable(duck, "longer", end);
        try (EventHistory history = EventHistory.of(train); EventHistory continued = history.continuedTo(longer)) {
            for (Instant c : List.of(end, Instant.parse("2024-03-08T03:00:00Z"), END, Instant.parse("2024-02-15T00:00:00Z"))) {
                String direct = UserFeatures.of(longer.before(c), FeatureFixture.CONFIG).query();
                String shared = UserFeatures.asOf(continued, c, FeatureFixture.CONFIG).query();
                long rows = duck.queryLong("SELECT count(*) FROM (" + direct + ")");
                assertEquals(rows, duck.queryLong("SELECT count(*) FROM (" + shared + ")"), "rows at " + c);
                assertEquals(0, duck.queryLong("SELECT count(*) FROM ((" + direct + ") EXCEPT ALL (" + shared + "))"), "rows differ at " + c);
            }
            // the continuation meets what it must carry over: a later event on an item the user had before, and a new user
            assertTrue(duck.queryLong("SELECT count(*) FROM longer l WHERE ts >= TIMESTAMP '2024-03-01' AND EXISTS (SELECT 1 FROM ev e"
                    + " WHERE e.user_id = l.user_id AND e.item_id = l.item_id)") > 0);
            assertTrue(duck.queryLong("SELECT count(*) FROM longer WHERE user_id NOT IN (SELECT user_id FROM ev)") > 0);
            assertThrows(IllegalArgumentException.class, () -> continued.continuedTo(train), "a history cannot continue backwards");
        }
    }

    @Test
    @DisplayName("a cutoff after the view's end is refused: it would look past TRAIN")
    void noLookingAhead() {
        try (EventHistory history = EventHistory.of(train)) {
            assertThrows(IllegalArgumentException.class, () -> UserFeatures.asOf(history, END.plusSeconds(1), FeatureFixture.CONFIG));
        }
    }
}
