package dev.ntg.taste;

import dev.ntg.io.DuckSession;
import dev.ntg.run.TrainView;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("TRAIN as a matrix")
class TasteDataTest {
    /** Events as (user, item, early) with a repeat, given in a scrambled order. */
    private static final int[][] EVENTS = {{1, 2, 0}, {0, 1, 1}, {1, 0, 1}, {0, 1, 0}, {1, 2, 1}, {0, 0, 1}, {1, 2, 1}};

    @Test
    @DisplayName("events group into (user, item) entries with their counts and early counts, whatever the input order")
    void groupsEvents() {
        for (int shift = 0; shift < EVENTS.length; shift++) {
            int n = EVENTS.length;
            int[] u = new int[n], ie = new int[n];
            for (int k = 0; k < n; k++) {
                int[] e = EVENTS[(k + shift) % n];
                u[k] = e[0];
                ie[k] = e[1] << 1 | e[2];
            }
            TasteData d = TasteData.fromEvents(2, 3, u, ie, true, n);
            assertArrayEquals(new int[]{0, 2, 4}, d.userPtr);
            assertArrayEquals(new int[]{0, 1, 0, 2}, d.items);
            assertArrayEquals(new int[]{1, 2, 1, 3}, d.events);
            assertArrayEquals(new int[]{1, 1, 1, 2}, d.earlyEvents);
            assertEquals(2, d.itemDegree(0));
            assertEquals(1, d.itemDegree(1));
        }
    }

    @Test
    @DisplayName("the early matrix keeps the entries with early events, counting those, and its transpose follows")
    void earlyMatrix() {
        // user 0: item 0 (1 event, early), item 2 (2 events, none early); user 1: item 1 (3 events, 2 early), item 2 (1, early)
        TasteData d = TasteData.fromEvents(2, 3, new int[]{0, 0, 0, 1, 1, 1, 1}, new int[]{0 << 1 | 1, 2 << 1, 2 << 1, 1 << 1 | 1, 1 << 1 | 1,
                1 << 1, 2 << 1 | 1}, true, 7);
        TasteData e = d.early();
        assertArrayEquals(new int[]{0, 1, 3}, e.userPtr);
        assertArrayEquals(new int[]{0, 1, 2}, e.items);
        assertArrayEquals(new int[]{1, 2, 1}, e.events);
        assertNull(e.earlyEvents);
        assertEquals(4, e.trainEvents());
        assertEquals(1, e.itemDegree(2), "item 2 keeps only user 1");
        assertArrayEquals(new int[]{0, 1, 1}, java.util.Arrays.copyOfRange(e.itemUsers, e.itemPtr[0], e.itemPtr[3]));
        assertThrows(IllegalStateException.class, () -> e.early(), "no early events on the early matrix");
    }

    @Test
    @DisplayName("loading from DuckDB: ids in order, repeats counted, early = strictly before the time quantile")
    void loadsFromDuckDb() {
        try (DuckSession duck = DuckSession.inMemory()) {
            duck.execute("CREATE TABLE ev AS SELECT * FROM (VALUES ('b', 'y', TIMESTAMP '2024-01-01 00:00:00', 1.0),"
                    + " ('a', 'x', TIMESTAMP '2024-01-02 00:00:00', 1.0), ('b', 'y', TIMESTAMP '2024-01-03 00:00:00', 1.0),"
                    + " ('a', 'y', TIMESTAMP '2024-01-04 00:00:00', 1.0), ('b', 'x', TIMESTAMP '2024-01-05 00:00:00', 1.0))"
                    + " t(user_id, item_id, ts, value)");
            TasteData d = TasteData.load(TrainView.overTable(duck, "ev", Instant.parse("2024-02-01T00:00:00Z")), 0.5);
            assertEquals(2, d.users());
            assertEquals(2, d.items());
            assertEquals(5, d.trainEvents());
            // a: x, y; b: x, y (twice)
            assertArrayEquals(new int[]{0, 2, 4}, d.userPtr);
            assertArrayEquals(new int[]{0, 1, 0, 1}, d.items);
            assertArrayEquals(new int[]{1, 1, 1, 2}, d.events);
            // the 0.5 quantile is 2024-01-03: early events are those of the 1st and 2nd
            assertArrayEquals(new int[]{1, 0, 0, 1}, d.earlyEvents);
        }
    }
}
