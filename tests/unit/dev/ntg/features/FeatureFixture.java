package dev.ntg.features;

import dev.ntg.config.FeaturesConfig;
import dev.ntg.io.DuckSession;
import dev.ntg.run.TrainView;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny TRAIN log with hand-computed features: 3 users, 4 items, 8 events in February 2024 (a leap year),
 * cutoff 2024-03-01. Popularity: i1 4 events, i2 2, i3 1, i4 1 (8 in all); with head_share 0.5 the head is {i1}.
 * Users' counts are 3, 4, 1; the 0.5 quantile_disc is 3, so u1 and u2 are power users.
 */
final class FeatureFixture {
    static final Instant CUTOFF = Instant.parse("2024-03-01T00:00:00Z");
    /** trend window 7 d, recent 10 d, half-life 10 d, prior weight 2, head share 0.5, power quantile 0.5. */
    static final FeaturesConfig CONFIG = new FeaturesConfig(7, 10, 10.0, 2.0, 0.5, 0.5);

    private FeatureFixture() {
    }

    static TrainView load(DuckSession duck) {
        duck.execute("CREATE TABLE ev (user_id VARCHAR, item_id VARCHAR, ts TIMESTAMP, value DOUBLE)");
        duck.execute("INSERT INTO ev VALUES "
                + "('u1', 'i1', '2024-02-20 00:00:00', 4), "
                + "('u1', 'i2', '2024-02-22 00:00:00', 2), "
                + "('u1', 'i1', '2024-02-26 00:00:00', 5), "
                + "('u2', 'i1', '2024-02-10 12:00:00', 3), "
                + "('u2', 'i3', '2024-02-24 12:00:00', 1), "
                + "('u2', 'i4', '2024-02-27 12:00:00', NULL), "
                + "('u2', 'i2', '2024-02-28 00:00:00', 5), "
                + "('u3', 'i1', '2024-02-29 00:00:00', 4)");
        return TrainView.overTable(duck, "ev", CUTOFF);
    }

    /** Writes the table and reads it back: key (joined with '/') → column → value. */
    static Map<String, Map<String, Object>> rows(FeatureTable table, Path file) {
        table.write(file);
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        List<FeatureColumn> cols = table.columns();
        table.duck().forEach("SELECT * FROM " + DuckSession.parquet(file), rs -> {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < cols.size(); i++) {
                Object v = rs.getObject(i + 1);
                row.put(cols.get(i).name(), v instanceof Timestamp t ? t.toLocalDateTime() : v);
            }
            String key = String.join("/", table.key().stream().map(k -> String.valueOf(row.get(k))).toList());
            out.put(key, row);
        });
        return out;
    }
}
