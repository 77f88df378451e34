package dev.ntg.features;

import dev.ntg.io.DuckSession;
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
    /** The columns that depend on the user's previous event, over the window {@link #BY_USER}. */
    private static final String AFTER_PREVIOUS = "epoch_us(ts) - lag(epoch_us(ts)) OVER w AS gap_us, "
            + "CAST(ts AS DATE) IS DISTINCT FROM lag(CAST(ts AS DATE)) OVER w AS first_day, "
            + "date_trunc('week', ts) IS DISTINCT FROM lag(date_trunc('week', ts)) OVER w AS first_week";
    private static final String BY_USER = "WINDOW w AS (PARTITION BY user_id ORDER BY ts, item_id)";
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
        base.duck().execute("CREATE OR REPLACE TEMP TABLE " + table + " AS SELECT user_id, item_id, ts, value, " + AFTER_PREVIOUS + ", "
                + "row_number() OVER (PARTITION BY user_id, item_id ORDER BY ts) = 1 AS first_item "
                + "FROM " + base.relation() + " " + BY_USER);
        return new EventHistory(base, table);
    }

    /**
     * This history continued over a longer view whose events before this view's cutoff are exactly this view's (TRAIN
     * followed by VAL, for scoring TEST): only the later events get their columns, from each user's last earlier event
     * and earlier items, instead of the windows running again over every event (at 25M events 2.5 s instead of 8.7).
     * The table grows in place: this history still answers for cutoffs up to its own view's, whose rows are unchanged.
     */
    public EventHistory continuedTo(TrainView longer) {
        if (longer.cutoff().isBefore(base.cutoff())) {
            throw new IllegalArgumentException("a history as of " + base.cutoff() + " cannot continue to the earlier " + longer.cutoff());
        }
        DuckSession duck = base.duck();
        String later = table + "_later", last = table + "_last", seen = table + "_seen";
        duck.execute("CREATE OR REPLACE TEMP TABLE " + later + " AS SELECT user_id, item_id, ts, value FROM " + longer.relation()
                + " WHERE ts >= " + FeatureSql.timestamp(base.cutoff()));
        duck.execute("CREATE OR REPLACE TEMP TABLE " + last + " AS SELECT user_id, max(ts) AS ts FROM " + table + " GROUP BY user_id");
        duck.execute("CREATE OR REPLACE TEMP TABLE " + seen + " AS SELECT DISTINCT h.user_id, h.item_id FROM " + table + " h SEMI JOIN "
                + "(SELECT DISTINCT user_id, item_id FROM " + later + ") l ON h.user_id = l.user_id AND h.item_id = l.item_id");
        // each user's last earlier event rides along (item NULL) as the predecessor of their first later one
        duck.execute("INSERT INTO " + table + " SELECT n.user_id, n.item_id, n.ts, n.value, n.gap_us, n.first_day, n.first_week, "
                + "n.first_later AND s.user_id IS NULL FROM (SELECT user_id, item_id, ts, value, is_later, " + AFTER_PREVIOUS + ", "
                + "row_number() OVER (PARTITION BY user_id, item_id ORDER BY ts) = 1 AS first_later FROM ("
                + "SELECT user_id, item_id, ts, value, true AS is_later FROM " + later
                + " UNION ALL SELECT user_id, NULL, ts, NULL, false FROM " + last + ") " + BY_USER + ") n "
                + "LEFT JOIN " + seen + " s ON s.user_id = n.user_id AND s.item_id = n.item_id WHERE n.is_later");
        for (String t : new String[]{later, last, seen}) duck.execute("DROP TABLE " + t);
        return new EventHistory(longer, table);
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
