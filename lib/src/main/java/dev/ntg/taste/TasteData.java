package dev.ntg.taste;

import dev.ntg.sparse.Transpose;

import dev.ntg.NtgException;
import dev.ntg.io.DuckSession;
import dev.ntg.run.TrainView;
import dev.ntg.sparse.EventPairs;

import java.util.Arrays;

/**
 * TRAIN as a user × item matrix on primitive arrays: one entry per (user, item) with its event count and the count
 * of its events in the early part of TRAIN (for the stability refit). CSR by user (items ascending) and its
 * transpose CSC by item (users ascending), so every sum over a row or a column runs in one fixed order.
 * Indices are dense and in id order; DuckDB keeps the index ↔ id tables {@link #USER_TABLE} and {@link #ITEM_TABLE}.
 */
public final class TasteData {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TasteData.class);
    /** DuckDB table (idx INTEGER, user_id VARCHAR). */
    public static final String USER_TABLE = "taste_users";
    /** DuckDB table (idx INTEGER, item_id VARCHAR). */
    public static final String ITEM_TABLE = "taste_items";

    final int nUsers;
    final int nItems;
    final int[] userPtr;
    final int[] items;
    final int[] events;
    /** Events before the early cutoff per entry, or null when no early refit is asked for. */
    final int[] earlyEvents;
    final int[] itemPtr;
    final int[] itemUsers;
    /** CSR position of each CSC entry. */
    final int[] itemPos;
    final long trainEvents;

    TasteData(int nUsers, int nItems, int[] userPtr, int[] items, int[] events, int[] earlyEvents, long trainEvents) {
        if (userPtr.length != nUsers + 1 || userPtr[nUsers] != items.length) throw new IllegalArgumentException("userPtr does not match items");
        this.nUsers = nUsers;
        this.nItems = nItems;
        this.userPtr = userPtr;
        this.items = items;
        this.events = events;
        this.earlyEvents = earlyEvents;
        this.trainEvents = trainEvents;
        Transpose t = Transpose.of(nUsers, nItems, userPtr, items);
        itemPtr = t.itemPtr();
        itemUsers = t.itemUsers();
        itemPos = t.itemPos();
    }

    /** For tests: a matrix from (user, item, events) triples; users and items are 0-based indices. */
    public static TasteData of(int nUsers, int nItems, int[] user, int[] item, int[] events) {
        return fromTriples(nUsers, nItems, user, item, events, null, sum(events));
    }

    private static long sum(int[] a) {
        long s = 0;
        for (int v : a) s += v;
        return s;
    }

    public int users() {
        return nUsers;
    }

    public int items() {
        return nItems;
    }

    public int interactions() {
        return items.length;
    }

    public long trainEvents() {
        return trainEvents;
    }

    /** Distinct users of item i. */
    public int itemDegree(int i) {
        return itemPtr[i + 1] - itemPtr[i];
    }

    /**
     * The early part of TRAIN as a matrix of its own: the entries with early events, each counting those. The
     * stability refit on it runs the eigen-solver's pattern-only product; on this matrix with the late entries
     * weighted 0 it needed a value per entry, three times the memory traffic.
     */
    TasteData early() {
        if (earlyEvents == null) throw new IllegalStateException("no early events loaded");
        int kept = 0;
        for (int e : earlyEvents) if (e > 0) kept++;
        int[] ptr = new int[nUsers + 1], keptItems = new int[kept], keptEvents = new int[kept];
        int p = 0;
        long total = 0;
        for (int u = 0; u < nUsers; u++) {
            for (int q = userPtr[u]; q < userPtr[u + 1]; q++) {
                if (earlyEvents[q] == 0) continue;
                keptItems[p] = items[q];
                keptEvents[p++] = earlyEvents[q];
                total += earlyEvents[q];
            }
            ptr[u + 1] = p;
        }
        return new TasteData(nUsers, nItems, ptr, keptItems, keptEvents, null, total);
    }

    /**
     * Loads TRAIN through the leakage guard. When {@code earlyFraction > 0}, an event is "early" when its time is
     * before the {@code earlyFraction} quantile of TRAIN event times.
     */
    public static TasteData load(TrainView train, double earlyFraction) {
        DuckSession duck = train.duck();
        String rel = train.relation();
        long events = duck.queryLong("SELECT count(*) FROM " + rel);
        if (events == 0) {
            throw new NtgException("build-taste: the TRAIN split has no events (train ends at " + train.cutoff()
                    + "): check dataset.path and split.* and rerun `ntg build-dataset`");
        }
        long t0 = System.nanoTime();
        duck.execute("CREATE OR REPLACE TEMP TABLE " + ITEM_TABLE + " AS SELECT (row_number() OVER (ORDER BY item_id) - 1)::INTEGER AS idx, item_id"
                + " FROM (SELECT DISTINCT item_id FROM " + rel + ") ORDER BY idx");
        duck.execute("CREATE OR REPLACE TEMP TABLE " + USER_TABLE + " AS SELECT (row_number() OVER (ORDER BY user_id) - 1)::INTEGER AS idx, user_id"
                + " FROM (SELECT DISTINCT user_id FROM " + rel + ") ORDER BY idx");
        int nUsers = Math.toIntExact(duck.queryLong("SELECT count(*) FROM " + USER_TABLE));
        int nItems = Math.toIntExact(duck.queryLong("SELECT count(*) FROM " + ITEM_TABLE));
        String early = "0";
        if (earlyFraction > 0) {
            // quantile_disc is an actual event time; "early" = strictly before it, so the share is at most the fraction.
            // Computed once as a number, so the scan below compares against a constant.
            long cutoffUs = duck.queryLong("SELECT epoch_us(quantile_disc(ts, " + earlyFraction + ")) FROM " + rel);
            early = "(epoch_us(ts) < " + cutoffUs + ")";
        }
        EventPairs pairs = EventPairs.load(duck, rel, USER_TABLE, ITEM_TABLE, nUsers, nItems, early, events, "build-taste");
        TasteData d = of(nUsers, nItems, pairs, earlyFraction > 0, events);
        LOG.info("build-taste: {} events, {} users × {} items, {} interactions loaded in {} s", events, nUsers, nItems,
                d.items.length, String.format("%.2f", (System.nanoTime() - t0) / 1e9));
        return d;
    }

    /** For tests: events (user, item << 1 | early) grouped as {@link #load} groups them. */
    static TasteData fromEvents(int nUsers, int nItems, int[] eventUser, int[] itemEarly, boolean keepEarly, long events) {
        return of(nUsers, nItems, EventPairs.group(nUsers, nItems, eventUser, itemEarly), keepEarly, events);
    }

    /** The grouped entries as a matrix; their flagged counts are the early counts when kept. */
    private static TasteData of(int nUsers, int nItems, EventPairs p, boolean keepEarly, long events) {
        return new TasteData(nUsers, nItems, p.userPtr(), p.items(), p.events(), keepEarly ? p.flagged() : null, events);
    }

    /** Two stable counting sorts (by item, then by user) put the triples in (user, item) order in O(nnz). */
    static TasteData fromTriples(int nUsers, int nItems, int[] u, int[] i, int[] n, int[] e, long events) {
        int nnz = u.length;
        int[] byItem = countingOrder(i, nItems, null);
        int[] order = countingOrder(u, nUsers, byItem);
        int[] userPtr = new int[nUsers + 1];
        int[] items = new int[nnz], counts = new int[nnz], early = e == null ? null : new int[nnz];
        for (int k = 0; k < nnz; k++) {
            int src = order[k];
            userPtr[u[src] + 1]++;
            items[k] = i[src];
            counts[k] = n[src];
            if (early != null) early[k] = e[src];
        }
        for (int x = 0; x < nUsers; x++) userPtr[x + 1] += userPtr[x];
        for (int x = 0; x < nUsers; x++) {
            for (int q = userPtr[x] + 1; q < userPtr[x + 1]; q++) {
                if (items[q] == items[q - 1]) throw new IllegalArgumentException("duplicate (user, item) entry: " + x + ", " + items[q]);
            }
        }
        return new TasteData(nUsers, nItems, userPtr, items, counts, early, events);
    }

    /** The stable order of {@code within} (or of 0..n-1 when null) by {@code key}. */
    private static int[] countingOrder(int[] key, int buckets, int[] within) {
        int n = key.length;
        int[] start = new int[buckets + 1];
        for (int k : key) start[k + 1]++;
        for (int b = 0; b < buckets; b++) start[b + 1] += start[b];
        int[] out = new int[n];
        for (int r = 0; r < n; r++) {
            int idx = within == null ? r : within[r];
            out[start[key[idx]]++] = idx;
        }
        return out;
    }
}
