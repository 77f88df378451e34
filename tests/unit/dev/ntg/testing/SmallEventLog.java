package dev.ntg.testing;

import dev.ntg.io.DuckSession;
import dev.ntg.io.Sql;

import java.nio.file.Path;

/**
 * A deterministic CSV event log made with DuckDB SQL, so integration tests run without MovieLens: 300 users with
 * 5–25 events each over 300 days of 2023 on 120 items, ratings 1–5, ISO timestamps.
 */
public final class SmallEventLog {
    private SmallEventLog() {
    }

    /** Writes the log to {@code file} and returns the {@code --set} overrides that read it. */
    public static String[] write(Path file) {
        try (DuckSession duck = DuckSession.inMemory()) {
            duck.execute("COPY (SELECT 'u' || lpad(u::VARCHAR, 3, '0') AS user_id, "
                    + "'i' || lpad(((u * 7 + k * 13 + (u * k) % 11) % 120)::VARCHAR, 3, '0') AS item_id, "
                    + "strftime(TIMESTAMP '2023-01-01' + to_days(CAST((u * 37 + k * 101) % 300 AS INTEGER)) "
                    + "+ to_seconds(CAST((u * k * 7919) % 86400 AS BIGINT)), '%Y-%m-%dT%H:%M:%SZ') AS timestamp, "
                    + "1 + (u + k) % 5 AS rating "
                    + "FROM range(300) t(u), range(25) s(k) WHERE k < 5 + u % 21 ORDER BY user_id, k) TO "
                    + Sql.literal(file) + " (HEADER)");
        }
        return new String[]{"dataset.source=csv", "dataset.path=" + file, "dataset.columns.value=rating"};
    }
}
