package dev.ntg.ranking;

import dev.ntg.eval.ranking.RelevantSet;
import dev.ntg.io.DuckSession;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluation protocol applied to one window (VAL or TEST): eval users are users with ≥ 1 TRAIN event and ≥ 1
 * window event on an item outside their TRAIN history; their relevant items are those distinct items (items
 * absent from TRAIN included, as cold-start relevant items that no ranker can retrieve). Everything the
 * protocol leaves out is counted in {@link #counts}, never dropped silently.
 */
record WindowTruth(String window, int[] users, RelevantSet[] relevant, Map<String, Long> counts) {
    static WindowTruth load(DuckSession duck, String name, String windowView, TrainData train) {
        String u = train.userTable, it = train.itemTable;
        Map<String, Long> c = new LinkedHashMap<>();
        c.put("window_events", duck.queryLong("SELECT count(*) FROM " + windowView));
        c.put("window_users", duck.queryLong("SELECT count(DISTINCT user_id) FROM " + windowView));
        c.put("window_items", duck.queryLong("SELECT count(DISTINCT item_id) FROM " + windowView));
        c.put("cold_users", duck.queryLong("SELECT count(DISTINCT user_id) FROM " + windowView + " w ANTI JOIN " + u + " USING (user_id)"));
        c.put("cold_user_events", duck.queryLong("SELECT count(*) FROM " + windowView + " w ANTI JOIN " + u + " USING (user_id)"));
        c.put("cold_items", duck.queryLong("SELECT count(DISTINCT item_id) FROM " + windowView + " w ANTI JOIN " + it + " USING (item_id)"));
        c.put("cold_item_events", duck.queryLong("SELECT count(*) FROM " + windowView + " w ANTI JOIN " + it + " USING (item_id)"));
        // The window's pairs of TRAIN users; those already in the user's TRAIN history are dropped below, against the
        // histories in memory (an anti-join with TRAIN's distinct pairs grouped all of TRAIN again, per window).
        duck.execute("CREATE OR REPLACE TEMP TABLE rank_truth AS SELECT uu.idx AS u, ii.idx AS i FROM (SELECT DISTINCT user_id, item_id FROM "
                + windowView + ") w JOIN " + u + " uu USING (user_id) LEFT JOIN " + it + " ii USING (item_id)");
        long warmUsersInWindow = duck.queryLong("SELECT count(DISTINCT user_id) FROM " + windowView + " w SEMI JOIN " + u + " USING (user_id)");
        List<Integer> users = new ArrayList<>();
        List<RelevantSet> rel = new ArrayList<>();
        int[] cur = {-1};
        List<Integer> warm = new ArrayList<>();
        int[] cold = {0};
        long[] pairs = {0, 0};
        Runnable flush = () -> {
            if (cur[0] >= 0) {
                users.add(cur[0]);
                rel.add(RelevantSet.of(warm.stream().mapToInt(Integer::intValue).toArray(), cold[0]));
            }
            warm.clear();
            cold[0] = 0;
        };
        duck.forEach("SELECT u, i FROM rank_truth ORDER BY u, i NULLS LAST", rs -> {
            int user = rs.getInt(1);
            int item = rs.getInt(2);
            boolean coldItem = rs.wasNull();
            if (!coldItem && train.seen(user, item)) return;
            if (user != cur[0]) {
                flush.run();
                cur[0] = user;
            }
            pairs[0]++;
            if (coldItem) {
                cold[0]++;
                pairs[1]++;
            } else warm.add(item);
        });
        flush.run();
        duck.execute("DROP TABLE rank_truth");
        c.put("train_users_only_repeating", warmUsersInWindow - users.size());
        c.put("eval_users", (long) users.size());
        c.put("relevant_pairs", pairs[0]);
        c.put("relevant_pairs_on_cold_items", pairs[1]);
        return new WindowTruth(name, users.stream().mapToInt(Integer::intValue).toArray(), rel.toArray(new RelevantSet[0]), c);
    }

    boolean empty() {
        return users.length == 0;
    }
}
