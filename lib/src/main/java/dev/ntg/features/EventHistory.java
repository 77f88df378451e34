package dev.ntg.features;

import dev.ntg.run.TrainView;

/**
 * A view's events with the per-event columns that user features need at any earlier cutoff: the time since the
 * user's previous event ({@code gap_us}, in (ts, item_id) order) and whether the event is the user's first of its
 * item, UTC day and ISO week ({@code first_item}, {@code first_day}, {@code first_week}). Each of these depends only
 * on the event and those before it, so it is the same in every prefix {@code ts < c}: computed once here, a cutoff
 * then costs a filtered aggregate instead of a window and three DISTINCTs (the bulk of churn's example building,
 * which asks for seven cutoffs of TRAIN). A temporary DuckDB table, dropped on {@link #close}.
 */
public final class EventHistory implements AutoCloseable {
    private final TrainView base;
    private final String table;

    private EventHistory(TrainView base, String table) {
        this.base = base;
        this.table = table;
    }

    public static EventHistory of(TrainView base) {
        String table = base.relation() + "_history";
        // Ordered like the gaps: the first event of a day or week in (ts, item_id) order is the one whose predecessor
        // falls in another day or week, so those flags ride on the gap window's sort; items need their own partition.
        base.duck().execute("CREATE OR REPLACE TEMP TABLE " + table + " AS SELECT user_id, item_id, ts, value, "
                + "epoch_us(ts) - lag(epoch_us(ts)) OVER w AS gap_us, "
                + "CAST(ts AS DATE) IS DISTINCT FROM lag(CAST(ts AS DATE)) OVER w AS first_day, "
                + "date_trunc('week', ts) IS DISTINCT FROM lag(date_trunc('week', ts)) OVER w AS first_week, "
                + "row_number() OVER (PARTITION BY user_id, item_id ORDER BY ts) = 1 AS first_item "
                + "FROM " + base.relation() + " WINDOW w AS (PARTITION BY user_id ORDER BY ts, item_id)");
        return new EventHistory(base, table);
    }

    /** The view the history was built from; every cutoff must lie at or before its cutoff. */
    public TrainView base() {
        return base;
    }

    String table() {
        return table;
    }

    @Override
    public void close() {
        base.duck().execute("DROP TABLE IF EXISTS " + table);
    }
}
