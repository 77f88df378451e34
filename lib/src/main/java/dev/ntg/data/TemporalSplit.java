package dev.ntg.data;

import dev.ntg.NtgException;
import dev.ntg.config.SplitConfig;
import dev.ntg.config.Timestamps;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Sql;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The one chronological split: global cutoffs {@code val_start ≤ test_start}; an event belongs to TRAIN when
 * {@code ts < val_start}, to VAL when {@code val_start ≤ ts < test_start}, to TEST when {@code ts ≥ test_start}.
 *
 * <p>With fractions, the cutoffs are event timestamps: sort all n events by time; {@code val_start} is the
 * timestamp of the event at 0-based position ⌊n·(1 − val − test)⌋ and {@code test_start} that at
 * ⌊n·(1 − test)⌋. Tie rule: events sharing a cutoff timestamp all go to the later part, so no timestamp is
 * split between parts and {@code max(train.ts) < val_start} always holds.
 */
public final class TemporalSplit {
    /**
     * The cutoffs of a split.
     *
     * @param valStart  first instant of VAL
     * @param testStart first instant of TEST
     * @param rule      how they were chosen, in words, for the split manifest
     */
    public record Cutoffs(Instant valStart, Instant testStart, String rule) {
        /** SQL predicate for a part, over a TIMESTAMP column {@code ts}. */
        public String predicate(Part part) {
            String v = literal(valStart);
            String t = literal(testStart);
            return switch (part) {
                case TRAIN -> "ts < " + v;
                case VAL -> "ts >= " + v + " AND ts < " + t;
                case TEST -> "ts >= " + t;
            };
        }

        /** SQL TIMESTAMP literal of {@code val_start}. */
        public String valStartSql() {
            return literal(valStart);
        }

        /** SQL TIMESTAMP literal of {@code test_start}. */
        public String testStartSql() {
            return literal(testStart);
        }

        private static String literal(Instant i) {
            return Sql.literal(i.toString()) + "::TIMESTAMPTZ::TIMESTAMP";
        }
    }

    /** The three parts, in time order. */
    public enum Part {
        TRAIN, VAL, TEST;

        public String label() {
            return name().toLowerCase();
        }
    }

    private TemporalSplit() {
    }

    /** Computes the cutoffs over the events table (column ts, TIMESTAMP) and checks that no part is empty. */
    public static Cutoffs cutoffs(DuckSession duck, String eventsTable, SplitConfig config) {
        Cutoffs c;
        if (config.explicitCutoffs()) {
            c = new Cutoffs(Timestamps.parseSetting("val_start", config.valStart()),
                    Timestamps.parseSetting("test_start", config.testStart()),
                    "explicit: split.val_start and split.test_start");
        } else {
            long n = duck.queryLong("SELECT count(*) FROM " + eventsTable);
            long valPos = (long) Math.floor(n * (1 - config.valFraction() - config.testFraction()));
            long testPos = (long) Math.floor(n * (1 - config.testFraction()));
            Instant[] at = timestampsAt(duck, eventsTable, n, valPos, testPos);
            c = new Cutoffs(at[0], at[1],
                    "event-count quantiles: val_start = ts of event #floor(n*(1-val_fraction-test_fraction)), "
                            + "test_start = ts of event #floor(n*(1-test_fraction)) in time order (0-based); "
                            + "events at a cutoff timestamp go to the later part");
        }
        for (Part p : Part.values()) {
            long rows = duck.queryLong("SELECT count(*) FROM " + eventsTable + " WHERE " + c.predicate(p));
            if (rows == 0) {
                throw new NtgException("split: the " + p.label() + " part would be empty (val_start " + c.valStart()
                        + ", test_start " + c.testStart() + "). " + (config.explicitCutoffs()
                        ? "Move split.val_start/split.test_start inside the data's time range."
                        : "The data has too few distinct timestamps for these fractions; set split.val_start and split.test_start."));
            }
        }
        return c;
    }

    /**
     * The timestamps at 0-based positions of the time-ordered events, in one pass. DuckDB's {@code quantile_disc(q)}
     * returns the element at index ⌈n·q⌉ − 1; asking for q = (k + ½)/n therefore gives index k exactly, with
     * half a position of slack against rounding (a sort with OFFSET would give the same answer, much slower).
     */
    private static Instant[] timestampsAt(DuckSession duck, String table, long n, long... positions) {
        StringBuilder qs = new StringBuilder();
        for (long k : positions) qs.append(qs.length() == 0 ? "" : ", ").append("(").append(k).append(" + 0.5) / ").append(n);
        List<LocalDateTime> ts = duck.querySingle("SELECT quantile_disc(ts, [" + qs + "]) FROM " + table, rs -> {
            Object[] arr = (Object[]) rs.getArray(1).getArray();
            List<LocalDateTime> out = new ArrayList<>();
            for (Object o : arr) out.add(o instanceof LocalDateTime l ? l : ((java.sql.Timestamp) o).toLocalDateTime());
            return out;
        });
        return ts.stream().map(t -> t.toInstant(ZoneOffset.UTC)).toArray(Instant[]::new);
    }
}
