package dev.ntg.data;

import dev.ntg.config.DatasetConfig;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Sql;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the staged records into canonical events and quarantined rejects, in SQL. A record is rejected with
 * the first reason that applies (records are keyed by their line: a source stages one events file): missing user id, missing item id, missing timestamp, unparsable timestamp,
 * timestamp out of range, unparsable value, value out of range; among the rest, a record with the same user,
 * item and timestamp as an earlier line is a duplicate. Nothing is dropped without a row in the rejects.
 */
final class EventValidator {
    static final String EVENTS = "events";
    static final String REJECTS = "rejects";
    /** The canonical order of events in every file: a total order, since (user, item, ts) is unique. */
    static final String ORDER = "ORDER BY user_id, ts, item_id";

    /** Counts of one validation. */
    record Outcome(long read, long loaded, long rejected, Map<String, Long> reasons) {
    }

    private EventValidator() {
    }

    static Outcome validate(DuckSession duck, DatasetConfig config, long recordsRead) {
        String from = Sql.literal(config.validFromInstant().toString()) + "::TIMESTAMPTZ::TIMESTAMP";
        String until = Sql.literal(config.validUntilInstant().toString()) + "::TIMESTAMPTZ::TIMESTAMP";
        String min = config.valueMin() == null ? null : Double.toString(config.valueMin());
        String max = config.valueMax() == null ? null : Double.toString(config.valueMax());
        duck.execute("CREATE OR REPLACE TABLE checked AS SELECT line, "
                + "nullif(trim(user_raw), '') AS user_id, nullif(trim(item_raw), '') AS item_id, ts, value, CASE "
                + "WHEN nullif(trim(user_raw), '') IS NULL THEN 'missing user id' "
                + "WHEN nullif(trim(item_raw), '') IS NULL THEN 'missing item id' "
                + "WHEN NOT ts_given THEN 'missing timestamp' "
                + "WHEN ts IS NULL THEN 'unparsable timestamp' "
                + "WHEN ts < " + from + " OR ts >= " + until + " THEN 'timestamp out of range (dataset.valid_from/valid_until)' "
                + "WHEN value_given AND (value IS NULL OR isnan(value) OR isinf(value)) THEN 'unparsable value' "
                + (min == null ? "" : "WHEN value < " + min + " THEN 'value out of range (dataset.value_min)' ")
                + (max == null ? "" : "WHEN value > " + max + " THEN 'value out of range (dataset.value_max)' ")
                + "END AS reason FROM " + RawEvents.VIEW);
        // duplicates by hash aggregation (cheaper than a window over every row); the earliest line of a key is kept
        duck.execute("CREATE OR REPLACE TABLE dup_keys AS SELECT user_id, item_id, ts, min(line) AS first_line FROM checked "
                + "WHERE reason IS NULL GROUP BY user_id, item_id, ts HAVING count(*) > 1");
        boolean duplicates = duck.queryLong("SELECT count(*) FROM dup_keys") > 0;
        // sorted once here; with insertion order preserved, every later scan (whole or filtered) keeps this order
        duck.execute("CREATE OR REPLACE TABLE " + EVENTS + " AS SELECT c.user_id, c.item_id, c.ts, c.value FROM checked c "
                + (duplicates ? "LEFT JOIN dup_keys d USING (user_id, item_id, ts) WHERE c.reason IS NULL "
                + "AND (d.first_line IS NULL OR c.line = d.first_line) " : "WHERE c.reason IS NULL ") + ORDER);
        duck.execute("CREATE OR REPLACE TABLE bad_lines AS SELECT line, reason FROM checked WHERE reason IS NOT NULL"
                + (duplicates ? " UNION ALL SELECT c.line, 'duplicate event: same user, item and timestamp as line ' || d.first_line"
                + " FROM checked c JOIN dup_keys d USING (user_id, item_id, ts) WHERE c.reason IS NULL AND c.line > d.first_line" : ""));
        duck.execute("CREATE OR REPLACE TABLE " + REJECTS + " AS SELECT source_file, line, raw, reason FROM " + RawEvents.STRUCTURAL_REJECTS);
        if (duck.queryLong("SELECT count(*) FROM bad_lines") > 0) {
            // the raw text is fetched only for rejected lines: staging it for every row would double the memory
            duck.execute("INSERT INTO " + REJECTS + " SELECT s.source_file, s.line, s.raw, b.reason FROM " + RawEvents.VIEW
                    + " s JOIN bad_lines b USING (line)");
        }
        for (String t : new String[]{"bad_lines", "dup_keys", "checked"}) duck.execute("DROP TABLE " + t);
        long loaded = duck.queryLong("SELECT count(*) FROM " + EVENTS);
        long rejected = duck.queryLong("SELECT count(*) FROM " + REJECTS);
        Map<String, Long> reasons = new LinkedHashMap<>();
        duck.forEach("SELECT regexp_replace(reason, ' line [0-9]+$', ' line N') AS r, count(*) FROM " + REJECTS
                + " GROUP BY r ORDER BY count(*) DESC, r", rs -> reasons.put(rs.getString(1), rs.getLong(2)));
        if (loaded + rejected != recordsRead) {
            throw new IllegalStateException("validation lost rows: read " + recordsRead + ", loaded " + loaded + ", rejected " + rejected);
        }
        return new Outcome(recordsRead, loaded, rejected, reasons);
    }
}
