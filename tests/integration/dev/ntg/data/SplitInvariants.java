package dev.ntg.data;

import dev.ntg.io.DuckSession;
import dev.ntg.io.Json;
import dev.ntg.io.PathCatalog;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The split's contract, checked from the files alone. */
final class SplitInvariants {
    private SplitInvariants() {
    }

    static void check(Path work) {
        PathCatalog c = new PathCatalog(work);
        var m = Json.read(c.resolve(PathCatalog.SPLIT_MANIFEST));
        String v = "'" + m.get("val_start").asText() + "'::TIMESTAMPTZ::TIMESTAMP";
        String t = "'" + m.get("test_start").asText() + "'::TIMESTAMPTZ::TIMESTAMP";
        String events = DuckSession.parquet(c.resolve(PathCatalog.EVENTS));
        String train = DuckSession.parquet(c.resolve(PathCatalog.TRAIN));
        String val = DuckSession.parquet(c.resolve(PathCatalog.VAL));
        String test = DuckSession.parquet(c.resolve(PathCatalog.TEST));
        try (DuckSession duck = DuckSession.inMemory()) {
            assertTrue(duck.queryLong("SELECT count(*) FROM " + train + " WHERE ts >= " + v) == 0, "train ends before val_start");
            assertTrue(duck.queryLong("SELECT count(*) FROM " + val + " WHERE ts < " + v + " OR ts >= " + t) == 0, "val inside its window");
            assertTrue(duck.queryLong("SELECT count(*) FROM " + test + " WHERE ts < " + t) == 0, "test starts at test_start");
            // every event in exactly one part: the multiset union of the parts equals the events
            assertEquals(0, duck.queryLong("SELECT count(*) FROM ((SELECT * FROM " + events + " EXCEPT ALL (SELECT * FROM " + train
                    + " UNION ALL SELECT * FROM " + val + " UNION ALL SELECT * FROM " + test + ")) UNION ALL ((SELECT * FROM " + train
                    + " UNION ALL SELECT * FROM " + val + " UNION ALL SELECT * FROM " + test + ") EXCEPT ALL SELECT * FROM " + events + "))"));
            assertTrue(duck.queryLong("SELECT count(*) FROM " + train) > 0 && duck.queryLong("SELECT count(*) FROM " + val) > 0
                    && duck.queryLong("SELECT count(*) FROM " + test) > 0, "no empty part");
        }
    }
}
