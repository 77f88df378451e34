package dev.ntg.leakage;

import dev.ntg.io.DuckSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The rewrites the tamper check applies to a split file. Each keeps the canonical schema (user_id, item_id, ts,
 * value) and is deterministic (hash-based, no RNG), so a check run twice tampers identically.
 */
final class SplitRewrite {
    private SplitRewrite() {
    }

    /**
     * Drops about half the rows, shuffles timestamps among the rest, flips values (v → 6 − v, null → 1), and injects
     * events of 50 brand-new users on 7 brand-new items plus new events of 50 known users, all at the window's start.
     */
    static void tamper(DuckSession duck, Path file) {
        rewrite(duck, file, "WITH numbered AS (SELECT *, row_number() OVER (ORDER BY user_id, ts, item_id, value) AS rn FROM w), "
                + "kept AS (SELECT * FROM numbered WHERE hash(rn, 'keep') % 2 = 0), "
                + "rows AS (SELECT user_id, item_id, value, row_number() OVER (ORDER BY hash(rn, 'row'), rn) AS k FROM kept), "
                + "times AS (SELECT ts, row_number() OVER (ORDER BY hash(rn, 'ts'), rn) AS k FROM kept), "
                + "shuffled AS (SELECT user_id, item_id, ts, CASE WHEN value IS NULL THEN 1.0 ELSE 6 - value END AS value "
                + "FROM rows JOIN times USING (k)), "
                + "start AS (SELECT min(ts) AS ts FROM w), "
                + "new_people AS (SELECT 'tamper-user-' || i AS user_id, 'tamper-item-' || (i % 7) AS item_id, start.ts, 5.0 AS value "
                + "FROM range(50) r(i), start), "
                + "known_people AS (SELECT user_id, item_id, start.ts, 1.0 AS value "
                + "FROM (SELECT DISTINCT user_id, item_id FROM w ORDER BY user_id, item_id LIMIT 50), start) "
                + "SELECT * FROM shuffled UNION ALL SELECT * FROM new_people UNION ALL SELECT * FROM known_people");
    }

    /** Moves the latest TRAIN event one hour earlier: still TRAIN, but its user's recency (and more) changes. */
    static void moveLastEventEarlier(DuckSession duck, Path file) {
        rewrite(duck, file, "WITH last AS (SELECT user_id, item_id, ts FROM w ORDER BY ts DESC, user_id, item_id LIMIT 1) "
                + "SELECT w.user_id, w.item_id, CASE WHEN last.user_id IS NULL THEN w.ts ELSE w.ts - INTERVAL 1 HOUR END AS ts, w.value "
                + "FROM w LEFT JOIN last ON w.user_id = last.user_id AND w.item_id = last.item_id AND w.ts = last.ts");
    }

    /**
     * Replaces a split file with {@code query} over its rows (available as table {@code w}). The new file is written
     * beside it and moved over it, so the old inode is never written to.
     */
    static void rewrite(DuckSession duck, Path file, String query) {
        Path tmp = file.resolveSibling(file.getFileName() + ".rewrite");
        duck.execute("CREATE OR REPLACE TABLE w AS SELECT * FROM " + DuckSession.parquet(file));
        duck.execute("CREATE OR REPLACE TABLE rewritten AS SELECT CAST(user_id AS VARCHAR) AS user_id, CAST(item_id AS VARCHAR) AS item_id, "
                + "CAST(ts AS TIMESTAMP) AS ts, CAST(value AS DOUBLE) AS value FROM (" + query + ")");
        duck.copyToParquet("SELECT * FROM rewritten ORDER BY user_id, ts, item_id, value", tmp);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + file, e);
        }
    }
}
