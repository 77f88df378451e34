package dev.ntg.ranking;

import dev.ntg.NtgException;
import dev.ntg.io.DuckSession;
import dev.ntg.run.TrainView;
import dev.ntg.sparse.EventPairs;

/**
 * TRAIN as the ranking sees it: dense user and item indices (both in id order, so "ties by item id" is "ties by
 * index"), each user's distinct items (CSR, ascending index), the transpose, each user's event count, and each
 * item's popularity (distinct users) all-time and over the last {@code recentDays} before the cutoff.
 */
public final class TrainData {
    /** DuckDB temp tables (idx INTEGER, user_id / item_id VARCHAR) mapping indices back to ids. */
    String userTable = "rank_users", itemTable = "rank_items";

    final int nUsers, nItems;
    final int[] userPtr, items;
    final int[] itemPtr, itemUsers;
    final long[] userEvents;
    final long[] popularity, recentPopularity;
    final String[] userIds, itemIds;

    TrainData(String[] userIds, String[] itemIds, int[] userPtr, int[] items, long[] userEvents, long[] popularity, long[] recentPopularity) {
        this.userIds = userIds;
        this.itemIds = itemIds;
        this.nUsers = userIds.length;
        this.nItems = itemIds.length;
        this.userPtr = userPtr;
        this.items = items;
        this.userEvents = userEvents;
        this.popularity = popularity;
        this.recentPopularity = recentPopularity;
        itemPtr = new int[nItems + 1];
        for (int i : items) itemPtr[i + 1]++;
        for (int i = 0; i < nItems; i++) itemPtr[i + 1] += itemPtr[i];
        int[] fill = new int[nItems];
        itemUsers = new int[items.length];
        for (int u = 0; u < nUsers; u++) for (int q = userPtr[u]; q < userPtr[u + 1]; q++) itemUsers[itemPtr[items[q]] + fill[items[q]]++] = u;
    }

    public static TrainData load(TrainView train, int recentDays) {
        return load(train.duck(), train.relation(), train.cutoff(), recentDays, "rank");
    }

    /** From a relation derived from the TRAIN view (a backtest fold's prefix), with its own index tables. */
    static TrainData load(DuckSession duck, String rel, java.time.Instant cutoff, int recentDays, String prefix) {
        String USER_TABLE = prefix + "_users", ITEM_TABLE = prefix + "_items";
        long events = duck.queryLong("SELECT count(*) FROM " + rel);
        if (events == 0) {
            throw new NtgException("rank: the TRAIN split has no events, so there is nothing to rank from: check dataset.path and split.* and rerun `ntg build-dataset`");
        }
        duck.execute("CREATE OR REPLACE TEMP TABLE " + ITEM_TABLE + " AS SELECT (row_number() OVER (ORDER BY item_id) - 1)::INTEGER AS idx, item_id"
                + " FROM (SELECT DISTINCT item_id FROM " + rel + ") ORDER BY idx");
        duck.execute("CREATE OR REPLACE TEMP TABLE " + USER_TABLE + " AS SELECT (row_number() OVER (ORDER BY user_id) - 1)::INTEGER AS idx, user_id"
                + " FROM (SELECT DISTINCT user_id FROM " + rel + ") ORDER BY idx");
        int nUsers = (int) duck.queryLong("SELECT count(*) FROM " + USER_TABLE);
        int nItems = (int) duck.queryLong("SELECT count(*) FROM " + ITEM_TABLE);
        String[] userIds = new String[nUsers], itemIds = new String[nItems];
        duck.forEach("SELECT idx, user_id FROM " + USER_TABLE + " ORDER BY idx", rs -> userIds[rs.getInt(1)] = rs.getString(2));
        duck.forEach("SELECT idx, item_id FROM " + ITEM_TABLE + " ORDER BY idx", rs -> itemIds[rs.getInt(1)] = rs.getString(2));
        String recentFrom = "TIMESTAMP '" + java.time.LocalDateTime.ofInstant(cutoff, java.time.ZoneOffset.UTC) + "' - INTERVAL " + recentDays + " DAY";
        // An event is recent when it falls in the last recentDays before the cutoff; a pair is recent when any of its events is.
        EventPairs pairs = EventPairs.load(duck, rel, USER_TABLE, ITEM_TABLE, nUsers, nItems, "ts >= " + recentFrom, events, "rank");
        int[] userPtr = pairs.userPtr(), items = pairs.items();
        long[] userEvents = new long[nUsers];
        long[] pop = new long[nItems], recent = new long[nItems];
        for (int u = 0; u < nUsers; u++) {
            for (int q = userPtr[u]; q < userPtr[u + 1]; q++) {
                userEvents[u] += pairs.events()[q];
                pop[items[q]]++;
                if (pairs.flagged()[q] > 0) recent[items[q]]++;
            }
        }
        TrainData t = new TrainData(userIds, itemIds, userPtr, items, userEvents, pop, recent);
        t.userTable = USER_TABLE;
        t.itemTable = ITEM_TABLE;
        return t;
    }

    /** For tests: build from arrays directly (histories ascending per user). */
    static TrainData of(String[] userIds, String[] itemIds, int[][] histories) {
        int[] ptr = new int[userIds.length + 1];
        for (int u = 0; u < histories.length; u++) ptr[u + 1] = ptr[u] + histories[u].length;
        int[] items = new int[ptr[userIds.length]];
        long[] events = new long[userIds.length], pop = new long[itemIds.length];
        for (int u = 0; u < histories.length; u++) {
            System.arraycopy(histories[u], 0, items, ptr[u], histories[u].length);
            events[u] = histories[u].length;
            for (int i : histories[u]) pop[i]++;
        }
        return new TrainData(userIds, itemIds, ptr, items, events, pop, pop.clone());
    }

    public int users() {
        return nUsers;
    }

    public int items() {
        return nItems;
    }

    /** User u's TRAIN items (ascending indices): a copy. */
    int[] history(int u) {
        return java.util.Arrays.copyOfRange(items, userPtr[u], userPtr[u + 1]);
    }

    /** Whether user u has item i in TRAIN. */
    boolean seen(int u, int i) {
        return java.util.Arrays.binarySearch(items, userPtr[u], userPtr[u + 1], i) >= 0;
    }

    int historySize(int u) {
        return userPtr[u + 1] - userPtr[u];
    }
}
