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
    /** DuckDB table (idx INTEGER, item_id VARCHAR) mapping dense item indices back to ids. */
    public static final String ITEM_TABLE = "graph_items";
    private static final String USER_TABLE = "graph_users";
    private static final String DEDUP_TABLE = "graph_dedup";

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
        boolean needValue = config.weighting().equals("value");
        duck.execute("CREATE OR REPLACE TEMP TABLE " + ITEM_TABLE + " AS SELECT (row_number() OVER (ORDER BY item_id) - 1)::INTEGER AS idx, item_id"
                + " FROM (SELECT DISTINCT item_id FROM " + rel + ") ORDER BY idx");
        duck.execute("CREATE OR REPLACE TEMP TABLE " + USER_TABLE + " AS SELECT (row_number() OVER (ORDER BY user_id) - 1)::INTEGER AS idx, user_id"
                + " FROM (SELECT DISTINCT user_id FROM " + rel + ") ORDER BY idx");
        // One interaction per (user, item): its latest event (and, for value weighting, the value of that event).
        String value = needValue ? "first(t.value ORDER BY t.ts DESC, t.value DESC NULLS LAST)" : "NULL::DOUBLE";
        duck.execute("CREATE OR REPLACE TEMP TABLE " + DEDUP_TABLE + " AS SELECT u, i, ts, value, "
                + "row_number() OVER (PARTITION BY u ORDER BY ts DESC, i DESC) AS recency, count(*) OVER (PARTITION BY u) AS n FROM ("
                + "SELECT u.idx AS u, i.idx AS i, max(t.ts) AS ts, " + value + " AS value FROM " + rel + " t"
                + " JOIN " + USER_TABLE + " u USING (user_id) JOIN " + ITEM_TABLE + " i USING (item_id) GROUP BY u.idx, i.idx)");
        int cap = config.userCap();
        long nUsers = duck.queryLong("SELECT count(*) FROM " + USER_TABLE);
        long nItems = duck.queryLong("SELECT count(*) FROM " + ITEM_TABLE);
        CapReport caps = duck.querySingle("SELECT count(*), count(*) FILTER (WHERE recency > " + cap + "),"
                + " count(DISTINCT u) FILTER (WHERE recency > " + cap + "), max(n),"
                + " coalesce(sum(CASE WHEN recency = 1 THEN n * (n - 1) - least(n, " + cap + ") * (least(n, " + cap + ") - 1) END), 0)::BIGINT"
                + " FROM " + DEDUP_TABLE, rs -> {
                    long distinct = rs.getLong(1);
                    long capped = rs.getLong(2);
                    return new CapReport(events, events - distinct, nUsers, nItems, distinct - capped, capped, rs.getLong(3),
                            rs.getLong(5), rs.getLong(4));
                });
        if (nUsers > Integer.MAX_VALUE - 1 || caps.interactionsKept() > Integer.MAX_VALUE - 8) {
            throw new NtgException("build-graph: " + caps.interactionsKept() + " interactions exceed the in-memory kernel's limit (2^31): lower graph.user_cap");
        }

        int users = (int) nUsers;
        int kept = (int) caps.interactionsKept();
        int[] userPtr = new int[users + 1];
        int[] items = new int[kept];
        long[] ts = new long[kept];
        double[] values = needValue ? new double[kept] : null;
        int[] at = {0};
        duck.forEach("SELECT u, i, epoch_ms(ts) AS ms" + (needValue ? ", value" : "") + " FROM " + DEDUP_TABLE
                + " WHERE recency <= " + cap + " ORDER BY u, ts, i", rs -> {
                    int k = at[0]++;
                    userPtr[rs.getInt(1) + 1]++;
                    items[k] = rs.getInt(2);
                    ts[k] = rs.getLong(3);
                    if (values != null) {
                        double v = rs.getDouble(4);
                        values[k] = rs.wasNull() ? 1.0 : v;
                    }
                });
        for (int u = 0; u < users; u++) userPtr[u + 1] += userPtr[u];

        long[] popularity = new long[(int) nItems];
        duck.forEach("SELECT i, count(*) FROM " + DEDUP_TABLE + " GROUP BY i", rs -> popularity[rs.getInt(1)] = rs.getLong(2));
        duck.execute("DROP TABLE " + DEDUP_TABLE);
        duck.execute("DROP TABLE " + USER_TABLE);

        double[] weights = weights(config, userPtr, ts, values, train.cutoff().toEpochMilli());
        long t0 = System.nanoTime();
        Interactions x = Interactions.of(users, (int) nItems, userPtr, items, config.windowed() ? ts : null, weights);
        return new Loaded(x, popularity, caps, (System.nanoTime() - t0) / 1e9);
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
