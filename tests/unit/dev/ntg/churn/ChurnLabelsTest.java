package dev.ntg.churn;

import dev.ntg.io.DuckSession;
import dev.ntg.run.TrainView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A hand-built log around the cutoff c = 2023-03-01 with H = 7 days, min 2 events, active window 30 days:
 * a: 2 events in February, one on 3 Mar → active (0);
 * b: 2 events in February, silent after → churned (1);
 * c: 1 event only → not scored (min events);
 * d: 2 events in December → not scored (last event > 30 days before c);
 * e: 2 events in February, next event on 8 Mar exactly c + H → outside [c, c + 7 d): churned (1).
 */
@DisplayName("churn labels at a cutoff")
class ChurnLabelsTest {
    static final Instant C = Instant.parse("2023-03-01T00:00:00Z");
    DuckSession duck;

    @BeforeEach
    void log() {
        duck = DuckSession.inMemory();
        duck.execute("CREATE TABLE ev AS SELECT user_id, 'i' AS item_id, CAST(ts AS TIMESTAMP) AS ts, NULL::DOUBLE AS value FROM (VALUES "
                + "('a', '2023-02-10 10:00'), ('a', '2023-02-20 10:00'), ('a', '2023-03-03 10:00'), "
                + "('b', '2023-02-11 10:00'), ('b', '2023-02-25 10:00'), "
                + "('c', '2023-02-26 10:00'), "
                + "('d', '2022-12-01 10:00'), ('d', '2022-12-05 10:00'), "
                + "('e', '2023-02-12 10:00'), ('e', '2023-02-27 10:00'), ('e', '2023-03-08 00:00')) t(user_id, ts)");
    }

    @AfterEach
    void close() {
        duck.close();
    }

    @Test
    @DisplayName("scores only active users and labels silence through the horizon as churn")
    void labels() {
        LabeledUsers l = new ChurnLabels(7, 2, 30).label(duck, "ev", "ev", C, Instant.parse("2023-04-01T00:00:00Z"));
        assertEquals(List.of("a", "b", "e"), l.users());
        assertArrayEquals(new int[]{0, 1, 1}, l.labels());
        assertFalse(l.horizonCensored());
    }

    @Test
    @DisplayName("a horizon running past the data end censors the silent users and keeps the seen ones active")
    void censoring() {
        // Observable only until 5 Mar: a (event on 3 Mar) is active; b and e are unknown, not churned.
        LabeledUsers l = new ChurnLabels(7, 2, 30).label(duck, "ev", "ev", C, Instant.parse("2023-03-05T00:00:00Z"));
        assertEquals(List.of("a", "b", "e"), l.users());
        assertArrayEquals(new int[]{0, -1, -1}, l.labels());
        assertEquals(2, l.count(-1));
        assertEquals(0, l.count(1));
    }

    @Test
    @DisplayName("a horizon of 0 days is refused with the key's name")
    void badHorizon() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ChurnLabels(0, 1, 30));
        assertTrue(e.getMessage().contains("churn.horizon_days"));
    }

    @Test
    @DisplayName("features as of an earlier cutoff see only events before it, and the view cannot look later")
    void trainViewBefore() {
        TrainView view = TrainView.overTable(duck, "ev", Instant.parse("2023-04-01T00:00:00Z"));
        TrainView asOf = view.before(C);
        assertEquals(C, asOf.cutoff());
        assertEquals(9, duck.queryLong("SELECT count(*) FROM " + asOf.relation()));
        assertThrows(IllegalArgumentException.class, () -> asOf.before(Instant.parse("2023-03-02T00:00:00Z")));
    }

    @Test
    @DisplayName("training cutoffs are midnights, latest c_0 = floor(train end) − H, each with H days of history")
    void trainingCutoffs() {
        List<Instant> cs = ChurnCutoffs.training(Instant.parse("2023-01-01T00:00:32Z"), Instant.parse("2023-03-01T06:48:00Z"), 14, 6, 14);
        assertEquals(List.of(Instant.parse("2023-02-15T00:00:00Z"), Instant.parse("2023-02-01T00:00:00Z"),
                Instant.parse("2023-01-18T00:00:00Z")), cs);
    }
}
