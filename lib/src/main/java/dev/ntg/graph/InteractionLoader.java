package dev.ntg.graph;

import dev.ntg.NtgException;
import dev.ntg.config.GraphConfig;
import dev.ntg.io.DuckSession;
import dev.ntg.run.TrainView;

/**
 * Turns the TRAIN view into {@link Interactions}. DuckDB does what it is good at: dense indices for users and
 * items (in id order), one interaction per (user, item) (the latest), and the power-user cap (each user's most
 * recent {@code user_cap} items); then the kept interactions stream out sorted by user and time into
 * primitive arrays. Java computes the weights.
 */
public final class InteractionLoader {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InteractionLoader.class);
    /** DuckDB table (idx INTEGER, item_id VARCHAR) mapping dense item indices back to ids. */
    public static final String ITEM_TABLE = "graph_items";
    private static final String USER_TABLE = "graph_users";

    private InteractionLoader() {
    }

    /**
     * What the loader kept and what the cap removed.
     *
     * @param trainEvents          events in TRAIN
     * @param repeatEventsMerged   events folded into an earlier (user, item) interaction
     * @param users                users in TRAIN
     * @param items                items in TRAIN (the graph's nodes)
     * @param interactionsKept     (user, item) interactions after the cap
     * @param interactionsCapped   interactions removed by the power-user cap
     * @param usersCapped          users who lost interactions to the cap
     * @param pairsRemovedByCap    whole-history ordered pairs the cap removed: Σ n(n-1) - Σ m(m-1)
     * @param maxUserItemsBeforeCap largest history before the cap
     */
    public record CapReport(long trainEvents, long repeatEventsMerged, long users, long items, long interactionsKept,
                            long interactionsCapped, long usersCapped, long pairsRemovedByCap, long maxUserItemsBeforeCap) {
    }

    /** The loaded histories, with each item's popularity (distinct TRAIN users, before the cap). */
    public record Loaded(Interactions interactions, long[] itemPopularity, CapReport caps, double csrSeconds) {
    }

    public static Loaded load(TrainView train, GraphConfig config) {
        DuckSession duck = train.duck();
        String rel = train.relation();
        long events = duck.queryLong("SELECT count(*) FROM " + rel);
        if (events == 0) {
            throw new NtgException("build-graph: the TRAIN split has no events (train ends at " + train.cutoff()
                    + "), so there is nothing to build a graph from: check dataset.path and split.* and rerun `ntg build-dataset`");
        }
        long tStart = System.nanoTime();
        boolean needValue = config.weighting().equals("value");
        duck.execute("CREATE OR REPLACE TEMP TABLE " + ITEM_TABLE + " AS SELECT (row_number() OVER (ORDER BY item_id) - 1)::INTEGER AS idx, item_id"
                + " FROM (SELECT DISTINCT item_id FROM " + rel + ") ORDER BY idx");
        duck.execute("CREATE OR REPLACE TEMP TABLE " + USER_TABLE + " AS SELECT (row_number() OVER (ORDER BY user_id) - 1)::INTEGER AS idx, user_id"
                + " FROM (SELECT DISTINCT user_id FROM " + rel + ") ORDER BY idx");
        long nUsers = duck.queryLong("SELECT count(*) FROM " + USER_TABLE);
        long nItems = duck.queryLong("SELECT count(*) FROM " + ITEM_TABLE);
        if (nUsers > Integer.MAX_VALUE - 1 || events > Integer.MAX_VALUE - 8) {
            throw new NtgException("build-graph: " + events + " TRAIN events exceed the in-memory kernel's limit (2^31)");
        }

        // Every event streams in (user, time, item) order on the dense indices, and each (user, item) keeps its latest
        // event (for value weighting, that event's value) in Java: a GROUP BY on the two string ids built a hash table
        // of nearly every event (19.4M pairs of 20.1M events at 25M). The power-user cap (keep each user's last
        // user_cap interactions, i.e. the most recent items, ties by the larger item index) follows in the same order:
        // one sort, no window functions.
        long tSql = System.nanoTime();
        int cap = config.userCap();
        int users = (int) nUsers;
        int[] userPtr = new int[users + 1];
        final int[] rawItems = new int[(int) events];
        final long[] rawTs = new long[(int) events];
        final double[] rawValues = needValue ? new double[(int) events] : null;
        int[] at = {0};
        duck.forEach("SELECT u.idx, i.idx, epoch_ms(e.ts)" + (needValue ? ", e.value" : "") + " FROM " + rel + " e JOIN " + USER_TABLE
                + " u USING (user_id) JOIN " + ITEM_TABLE + " i USING (item_id) ORDER BY u.idx, e.ts, i.idx"
                // a hand-made view may repeat (user, item, ts): the kept (last) one then has the largest value, NULL only if all are
                + (needValue ? ", e.value NULLS FIRST" : ""), rs -> {
            int k = at[0]++;
            userPtr[rs.getInt(1) + 1]++;
            rawItems[k] = rs.getInt(2);
            rawTs[k] = rs.getLong(3);
            if (rawValues != null) {
                double v = rs.getDouble(4);
                rawValues[k] = rs.wasNull() ? 1.0 : v;
            }
        });
        if (at[0] != events) throw new IllegalStateException("build-graph: read " + at[0] + " of " + events + " TRAIN events");
        duck.execute("DROP TABLE " + USER_TABLE);
        int distinct = latestPerItem(userPtr, rawItems, rawTs, rawValues, (int) nItems);
        long[] popularity = new long[(int) nItems];
        for (int q = 0; q < distinct; q++) popularity[rawItems[q]]++;
        int[] items = rawItems;
        long[] ts = rawTs;
        double[] values = rawValues;
        long cappedInteractions = 0, usersCapped = 0, pairsRemoved = 0, maxHistory = 0;
        int w = 0;
        for (int u = 0, from = 0; u < users; u++) {
            int n = userPtr[u + 1];
            int m = Math.min(n, cap);
            maxHistory = Math.max(maxHistory, n);
            if (n > m) {
                cappedInteractions += n - m;
                usersCapped++;
                pairsRemoved += (long) n * (n - 1) - (long) m * (m - 1);
            }
            int keepFrom = from + n - m;
            if (w != keepFrom) {
                System.arraycopy(items, keepFrom, items, w, m);
                System.arraycopy(ts, keepFrom, ts, w, m);
                if (values != null) System.arraycopy(values, keepFrom, values, w, m);
            }
            from += n;
            w += m;
            userPtr[u + 1] = w;
        }
        if (w < items.length) {
            items = java.util.Arrays.copyOf(items, w);
            ts = java.util.Arrays.copyOf(ts, w);
            if (values != null) values = java.util.Arrays.copyOf(values, w);
        }
        CapReport caps = new CapReport(events, events - distinct, nUsers, nItems, w, cappedInteractions, usersCapped, pairsRemoved, maxHistory);
        LOG.info("build-graph: TRAIN prepared in DuckDB in {} s, {} interactions streamed and capped in {} s", String.format("%.2f", (tSql - tStart) / 1e9),
                distinct, String.format("%.2f", (System.nanoTime() - tSql) / 1e9));

        double[] weights = weights(config, userPtr, ts, values, train.cutoff().toEpochMilli());
        long t0 = System.nanoTime();
        Interactions x = Interactions.of(users, (int) nItems, userPtr, items, config.windowed() ? ts : null, weights);
        return new Loaded(x, popularity, caps, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Keeps, of each user's events (userPtr[u + 1] of them, in time order, users one after another), the latest one of
     * each item: an event is kept when the item's last position in the user's events is its own. The kept events move
     * to the front in their order and userPtr[u + 1] becomes the user's kept count; returns the total kept.
     */
    static int latestPerItem(int[] userPtr, int[] items, long[] ts, double[] values, int nItems) {
        int[] last = new int[nItems];
        int w = 0;
        for (int u = 0, from = 0; u + 1 < userPtr.length; u++) {
            int to = from + userPtr[u + 1], kept = w;
            for (int q = from; q < to; q++) last[items[q]] = q;
            for (int q = from; q < to; q++) {
                if (last[items[q]] != q) continue;
                items[w] = items[q];
                ts[w] = ts[q];
                if (values != null) values[w] = values[q];
                w++;
            }
            userPtr[u + 1] = w - kept;
            from = to;
        }
        return w;
    }

    /** Per-interaction weights, or null when every weight is 1 (binary, no down-weighting). */
    static double[] weights(GraphConfig config, int[] userPtr, long[] ts, double[] values, long cutoffMillis) {
        boolean down = config.userDownweight().equals("inverse_log");
        String kind = config.weighting();
        if (kind.equals("binary") && !down) return null;
        double[] w = new double[ts.length];
        double halfLifeMs = config.halfLifeDays() * 86_400_000.0;
        for (int u = 0; u + 1 < userPtr.length; u++) {
            int a = userPtr[u], b = userPtr[u + 1];
            // StrictMath: the weights must be bit-identical on every run and machine.
            double userFactor = down ? 1.0 / StrictMath.log(1.0 + (b - a)) : 1.0;
            for (int q = a; q < b; q++) {
                double base = switch (kind) {
                    case "value" -> {
                        if (values[q] < 0) throw new NtgException("build-graph: graph.weighting=value needs values >= 0, found " + values[q]
                                + ": use weighting binary or decay, or set dataset.value_min");
                        yield values[q];
                    }
                    case "decay" -> StrictMath.pow(0.5, (cutoffMillis - ts[q]) / halfLifeMs);
                    default -> 1.0;
                };
                w[q] = base * userFactor;
            }
        }
        return w;
    }
}
