package dev.ntg.sparse;

import dev.ntg.NtgException;
import dev.ntg.io.DuckSession;

import java.util.Arrays;

/**
 * Events grouped into (user, item) entries in CSR order (users ascending, each user's items ascending), with each
 * entry's event count and the count of its events that carry a flag (early in TRAIN, recent before the cutoff).
 * Grouped here rather than by a DuckDB {@code GROUP BY user_id, item_id}: nearly every pair is distinct, so a hash
 * aggregation does the work of a sort for almost no reduction (11 s at 20M TRAIN events; the scan of one packed
 * BIGINT per event and the grouping below take about 2 s).
 *
 * @param userPtr user u's entries are {@code [userPtr[u], userPtr[u + 1])}
 * @param items   the item of each entry
 * @param events  the events of each entry
 * @param flagged the flagged events of each entry
 */
public record EventPairs(int[] userPtr, int[] items, int[] events, int[] flagged) {

    /**
     * Reads every event of {@code relation} as (user index, item index, flag) through two index tables
     * (idx INTEGER, user_id / item_id) and groups them.
     *
     * @param flagSql a boolean SQL expression over the relation's columns (e.g. on ts)
     */
    public static EventPairs load(DuckSession duck, String relation, String userTable, String itemTable, int nUsers, int nItems,
                                  String flagSql, long events, String stage) {
        if (events > Integer.MAX_VALUE - 8) throw new NtgException(stage + ": " + events + " TRAIN events exceed the in-memory limit (2^31)");
        int total = (int) events;
        int[] eventUser = new int[total], itemFlag = new int[total];
        int[] at = {0};
        // the stream is unordered; the order is fixed by the grouping
        duck.forEach("SELECT (us.idx::BIGINT << 32) | (it.idx::BIGINT << 1) | (" + flagSql + ")::BIGINT FROM " + relation + " JOIN " + userTable
                + " us USING (user_id) JOIN " + itemTable + " it USING (item_id)", rs -> {
            long v = rs.getLong(1);
            int k = at[0]++;
            eventUser[k] = (int) (v >>> 32);
            itemFlag[k] = (int) v; // item << 1 | flag
        });
        if (at[0] != total) throw new IllegalStateException(stage + ": read " + at[0] + " of " + total + " TRAIN events");
        return group(nUsers, nItems, eventUser, itemFlag);
    }

    /**
     * Groups events into entries: a counting sort by user, a sort within each user's slice, and a merge of equal
     * items. Deterministic for any input order.
     *
     * @param itemFlag per event, item << 1 | (1 if the event carries the flag)
     */
    public static EventPairs group(int nUsers, int nItems, int[] eventUser, int[] itemFlag) {
        int total = eventUser.length;
        int[] userStart = new int[nUsers + 1];
        for (int u : eventUser) userStart[u + 1]++;
        for (int u = 0; u < nUsers; u++) userStart[u + 1] += userStart[u];
        int[] fill = Arrays.copyOf(userStart, nUsers);
        int[] byUser = new int[total];
        for (int k = 0; k < total; k++) byUser[fill[eventUser[k]]++] = itemFlag[k];
        int pairs = 0;
        for (int u = 0; u < nUsers; u++) {
            int from = userStart[u], to = userStart[u + 1];
            Arrays.sort(byUser, from, to);
            for (int q = from; q < to; q++) if (q == from || (byUser[q] >>> 1) != (byUser[q - 1] >>> 1)) pairs++;
        }
        int[] userPtr = new int[nUsers + 1], items = new int[pairs], counts = new int[pairs], flagged = new int[pairs];
        int p = -1;
        for (int u = 0; u < nUsers; u++) {
            for (int q = userStart[u]; q < userStart[u + 1]; q++) {
                int item = byUser[q] >>> 1;
                if (item >= nItems) throw new IllegalArgumentException("item " + item + " outside 0.." + (nItems - 1));
                if (q == userStart[u] || item != (byUser[q - 1] >>> 1)) items[++p] = item;
                counts[p]++;
                flagged[p] += byUser[q] & 1;
            }
            userPtr[u + 1] = p + 1;
        }
        return new EventPairs(userPtr, items, counts, flagged);
    }
}
