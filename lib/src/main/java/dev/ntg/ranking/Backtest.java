package dev.ntg.ranking;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.config.RankingConfig;
import dev.ntg.eval.ranking.Ndcg;
import dev.ntg.eval.ranking.RankingMetric;
import dev.ntg.eval.ranking.Recall;
import dev.ntg.eval.ranking.UserBootstrap;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Json;
import dev.ntg.run.TrainView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolling-origin backtest inside TRAIN: the last {@code folds} tenths of TRAIN (by event count) become windows;
 * fold f refits every scorer it can (and a cosine graph) on the TRAIN events before its window and is evaluated on
 * the window under the same protocol, with the blend weights chosen on VAL. Stage 04's components (svd, taste
 * affinity) were fitted on all of TRAIN, windows included, so folds leave them out rather than leak. VAL and TEST are never read. Per-fold
 * and pooled (over every fold's eval users) NDCG and Recall at tune_k, with bootstrap intervals on the pool.
 */
final class Backtest {
    static final int FOLD_GRAPH_TOP_K = 50;
    /** Blend components a fold refits from its own prefix; the others (stage 04's) are left out of the folds. */
    static final List<String> REFIT = List.of("item_knn", "rp3beta", "pure_svd", "popularity", "recent_popularity");

    private Backtest() {
    }

    /**
     * The VAL-tuned weights of the components a fold can refit; the others (fitted by stage 04 on all of TRAIN,
     * which contains the fold's window) are left out, i.e. weight 0. If nothing of weight > 0 is left, item-kNN alone.
     */
    static Blend foldBlend(Models fold, Map<String, Double> weights) {
        List<Scorer> comps = fold.components();
        double[] w = new double[comps.size()];
        boolean any = false;
        for (int c = 0; c < w.length; c++) {
            w[c] = weights.getOrDefault(comps.get(c).name(), 0.0);
            any |= w[c] > 0;
        }
        if (!any) w[comps.stream().map(Scorer::name).toList().indexOf("item_knn")] = 1;
        return new Blend(comps, w);
    }

    static ObjectNode run(TrainView tv, RankingConfig rc, Map<String, Double> weights, long seed, int threads) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("folds", rc.backtestFolds());
        if (rc.backtestFolds() == 0) {
            out.put("status", "disabled");
            out.put("message", "set ranking.backtest_folds > 0 for a rolling-origin backtest inside TRAIN");
            return out;
        }
        DuckSession duck = tv.duck();
        String rel = tv.relation();
        int k = rc.tuneK();
        List<RankingMetric> ms = List.of(new Ndcg(k), new Recall(k));
        Map<String, List<double[]>> pooled = new LinkedHashMap<>();
        ArrayNode folds = out.putArray("per_fold");
        int F = rc.backtestFolds();
        for (int f = F; f >= 1; f--) {
            double lo = 1 - 0.1 * f, hi = 1 - 0.1 * (f - 1);
            // window [start, end) by event-count quantiles of TRAIN; the last fold ends at the TRAIN cutoff
            Instant start = duck.querySingle("SELECT quantile_disc(ts, " + lo + ") FROM " + rel, rs -> rs.getTimestamp(1).toInstant());
            String end = f == 1 ? null : duck.querySingle("SELECT quantile_disc(ts, " + hi + ") FROM " + rel, rs -> rs.getTimestamp(1).toString());
            String startLit = "TIMESTAMP '" + java.time.LocalDateTime.ofInstant(start, java.time.ZoneOffset.UTC) + "'";
            duck.execute("CREATE OR REPLACE TEMP VIEW rank_fold_train AS SELECT * FROM " + rel + " WHERE ts < " + startLit);
            duck.execute("CREATE OR REPLACE TEMP VIEW rank_fold_window AS SELECT * FROM " + rel + " WHERE ts >= " + startLit
                    + (end == null ? "" : " AND ts < TIMESTAMP '" + end + "'"));
            ObjectNode fo = folds.addObject();
            fo.put("fold", F - f + 1);
            fo.put("window_start", start.toString());
            fo.put("train_events", duck.queryLong("SELECT count(*) FROM rank_fold_train"));
            fo.put("window_events", duck.queryLong("SELECT count(*) FROM rank_fold_window"));
            if (duck.queryLong("SELECT count(*) FROM rank_fold_train") == 0) {
                fo.put("status", "no_train_events");
                continue;
            }
            TrainData t = TrainData.load(duck, "rank_fold_train", start, rc.recentDays(), "rank_fold");
            WindowTruth w = WindowTruth.load(duck, "fold", "rank_fold_window", t);
            fo.put("eval_users", w.users().length);
            if (w.empty()) {
                fo.put("status", "no_eval_users");
                continue;
            }
            fo.put("status", "ok");
            Models models = Models.fit(t, FoldGraph.build(t, FOLD_GRAPH_TOP_K), null, rc, seed, threads);
            boolean[] evalUser = new boolean[t.nUsers];
            for (int u : w.users()) evalUser[u] = true;
            Ranking r = Ranking.run(t, models, foldBlend(models, weights), rc, evalUser, threads);
            ObjectNode fm = fo.putObject("models");
            r.lists().forEach((name, lists) -> {
                ObjectNode mo = fm.putObject(name);
                for (RankingMetric m : ms) {
                    double[] v = new double[w.users().length];
                    for (int q = 0; q < v.length; q++) v[q] = m.score(lists[w.users()[q]], w.relevant()[q]);
                    mo.put(m.name(), RankingMetric.summarize(v));
                    pooled.computeIfAbsent(name + "\u0000" + m.name(), x -> new ArrayList<>()).add(v);
                }
            });
        }
        if (pooled.isEmpty()) {
            out.put("status", "no_eval_users");
            out.put("message", "no fold had eval users");
            return out;
        }
        out.put("status", "ok");
        out.put("fold_graph", "cosine top-" + FOLD_GRAPH_TOP_K + " per item, rebuilt from each fold's prefix");
        ArrayNode used = out.putArray("components");
        REFIT.forEach(used::add);
        ArrayNode left = out.putArray("left_out");
        left.add("svd");
        left.add("taste_affinity");
        UserBootstrap boot = new UserBootstrap(rc.bootstrapResamples(), rc.confidence(), seed);
        ObjectNode p = out.putObject("pooled");
        Map<String, double[]> concat = new LinkedHashMap<>();
        pooled.forEach((key, parts) -> {
            int n = parts.stream().mapToInt(a -> a.length).sum();
            double[] all = new double[n];
            int at = 0;
            for (double[] a : parts) {
                System.arraycopy(a, 0, all, at, a.length);
                at += a.length;
            }
            concat.put(key, all);
            String[] km = key.split("\u0000");
            ObjectNode mo = p.has(km[0]) ? (ObjectNode) p.get(km[0]) : p.putObject(km[0]);
            WindowEvaluation.interval(mo.putObject(km[1]), boot.mean(all));
        });
        ObjectNode paired = out.putObject("pooled_paired_vs_ntg");
        for (String key : concat.keySet()) {
            String[] km = key.split("\u0000");
            if (km[0].equals(WindowEvaluation.NTG)) continue;
            ObjectNode mo = paired.has(km[0]) ? (ObjectNode) paired.get(km[0]) : paired.putObject(km[0]);
            WindowEvaluation.interval(mo.putObject(km[1]), boot.pairedDifference(concat.get(WindowEvaluation.NTG + "\u0000" + km[1]), concat.get(key)));
        }
        return out;
    }
}
