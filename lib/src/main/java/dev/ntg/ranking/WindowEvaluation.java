package dev.ntg.ranking;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.concurrent.Parallel;
import dev.ntg.config.RankingConfig;
import dev.ntg.eval.ranking.AveragePopularity;
import dev.ntg.eval.ranking.CatalogCoverage;
import dev.ntg.eval.ranking.ExposureGini;
import dev.ntg.eval.ranking.Interval;
import dev.ntg.eval.ranking.ListMetric;
import dev.ntg.eval.ranking.Novelty;
import dev.ntg.eval.ranking.RankingMetric;
import dev.ntg.eval.ranking.Recall;
import dev.ntg.eval.ranking.ReciprocalRank;
import dev.ntg.eval.ranking.RelevantSet;
import dev.ntg.eval.ranking.UserBootstrap;
import dev.ntg.io.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores every model's lists on one window's eval users: accuracy metrics at each K with bootstrap intervals,
 * paired intervals of NTG minus each baseline, beyond-accuracy measures, and user and item segments.
 */
final class WindowEvaluation {
    static final String NTG = "ntg";
    private final TrainData train;
    private final RankingConfig config;
    private final UserBootstrap bootstrap;
    private final Segments segments;
    private final int threads;

    WindowEvaluation(TrainData train, RankingConfig config, UserBootstrap bootstrap, Segments segments, int threads) {
        this.train = train;
        this.config = config;
        this.bootstrap = bootstrap;
        this.segments = segments;
        this.threads = threads;
    }

    List<RankingMetric> metrics() {
        List<RankingMetric> m = new ArrayList<>();
        for (int k : config.ks()) m.addAll(RankingMetric.atK(k));
        m.add(new ReciprocalRank());
        return m;
    }

    /** @param lists model name → list per user index (null for users not evaluated); NTG first */
    ObjectNode evaluate(WindowTruth truth, Map<String, int[][]> lists) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        ObjectNode counts = out.putObject("counts");
        truth.counts().forEach(counts::put);
        if (truth.empty()) {
            out.put("status", "no_eval_users");
            out.put("message", "no user of the " + truth.window() + " window has a TRAIN history and a new item there, so no metric is"
                    + " defined (e.g. tiny data, or a window of only new users); see counts");
            return out;
        }
        out.put("status", "ok");
        int n = truth.users().length;
        List<RankingMetric> metrics = metrics();
        Map<String, Map<String, double[]>> perUser = new LinkedHashMap<>();
        // every interval of the window is bootstrapped in one pass over shared draws; its node is placed now, filled after
        List<ObjectNode> targets = new ArrayList<>();
        List<double[]> series = new ArrayList<>();
        ObjectNode models = out.putObject("models");
        for (Map.Entry<String, int[][]> e : lists.entrySet()) {
            double[][] byMetric = perUser(truth, e.getValue(), metrics);
            Map<String, double[]> values = new LinkedHashMap<>();
            for (int m = 0; m < metrics.size(); m++) values.put(metrics.get(m).name(), byMetric[m]);
            perUser.put(e.getKey(), values);
            ObjectNode model = models.putObject(e.getKey());
            ObjectNode acc = model.putObject("metrics");
            values.forEach((name, v) -> {
                targets.add(acc.putObject(name));
                series.add(v);
            });
            model.set("beyond_accuracy", beyond(truth, e.getValue()));
            model.set("segments", segments(truth, e.getValue(), values));
        }
        ObjectNode paired = out.putObject("paired_vs_ntg");
        Map<String, double[]> ntg = perUser.get(NTG);
        for (String baseline : perUser.keySet()) {
            if (baseline.equals(NTG)) continue;
            ObjectNode p = paired.putObject(baseline);
            for (RankingMetric m : metrics) {
                targets.add(p.putObject(m.name()));
                series.add(UserBootstrap.difference(ntg.get(m.name()), perUser.get(baseline).get(m.name())));
            }
        }
        List<Interval> intervals = bootstrap.means(series, threads);
        for (int i = 0; i < targets.size(); i++) interval(targets.get(i), intervals.get(i));
        return out;
    }

    /** Per metric, per eval user, the values of one model's lists: users shared out between the threads. */
    private double[][] perUser(WindowTruth truth, int[][] lists, List<RankingMetric> metrics) {
        double[][] v = new double[metrics.size()][truth.users().length];
        Parallel.forRange(threads, truth.users().length, (from, to) -> {
            for (int q = from; q < to; q++) {
                int[] list = lists[truth.users()[q]];
                for (int m = 0; m < v.length; m++) v[m][q] = metrics.get(m).score(list, truth.relevant()[q]);
            }
        });
        return v;
    }

    static void interval(ObjectNode node, Interval i) {
        node.put("estimate", i.estimate());
        if (i.low() == null) {
            node.putNull("low");
            node.putNull("high");
        } else {
            node.put("low", i.low());
            node.put("high", i.high());
        }
    }

    private ObjectNode beyond(WindowTruth truth, int[][] lists) {
        ObjectNode b = Json.MAPPER.createObjectNode();
        for (int k : config.ks()) {
            List<ListMetric> ms = List.of(new CatalogCoverage(k, train.nItems), new Novelty(k, train.popularity, train.nUsers),
                    new ExposureGini(k, train.nItems), new AveragePopularity(k, train.popularity));
            for (int u : truth.users()) for (ListMetric m : ms) m.accept(lists[u]);
            for (ListMetric m : ms) b.put(m.name(), m.result());
        }
        return b;
    }

    private ObjectNode segments(WindowTruth truth, int[][] lists, Map<String, double[]> values) {
        int k = config.tuneK();
        String ndcg = "ndcg@" + k, recall = "recall@" + k;
        ObjectNode s = Json.MAPPER.createObjectNode();
        ObjectNode users = s.putObject("users");
        for (String seg : Segments.USER_SEGMENTS) {
            double sn = 0, sr = 0;
            int c = 0;
            for (int q = 0; q < truth.users().length; q++) {
                if (!segments.userSegment(truth.users()[q]).equals(seg)) continue;
                sn += values.get(ndcg)[q];
                sr += values.get(recall)[q];
                c++;
            }
            ObjectNode o = users.putObject(seg);
            o.put("users", c);
            if (c > 0) {
                o.put(ndcg, sn / c);
                o.put(recall, sr / c);
            } else {
                o.putNull(ndcg);
                o.putNull(recall);
            }
        }
        ObjectNode items = s.putObject("items");
        for (boolean head : new boolean[]{true, false}) {
            double sum = 0;
            int c = 0;
            long slots = 0, slotsInSegment = 0;
            for (int q = 0; q < truth.users().length; q++) {
                RelevantSet r = truth.relevant()[q];
                int[] list = lists[truth.users()[q]];
                int top = Math.min(k, list.length);
                for (int t = 0; t < top; t++) {
                    slots++;
                    if (segments.head[list[t]] == head) slotsInSegment++;
                }
                int inSeg = 0;
                for (int i : r.warmItems()) if (segments.head[i] == head) inSeg++;
                if (!head) inSeg += r.coldCount();
                if (inSeg == 0) continue;
                int hits = 0;
                for (int t = 0; t < top; t++) if (segments.head[list[t]] == head && r.contains(list[t])) hits++;
                sum += (double) hits / inSeg;
                c++;
            }
            ObjectNode o = items.putObject(head ? "head" : "tail");
            o.put("users_with_relevant_items", c);
            if (c > 0) o.put(recall, sum / c);
            else o.putNull(recall);
            o.put("share_of_top_" + k, slots == 0 ? 0 : (double) slotsInSegment / slots);
        }
        return s;
    }

    static Recall recall(int k) {
        return new Recall(k);
    }
}
