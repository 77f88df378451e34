package dev.ntg.ranking;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.concurrent.Parallel;
import dev.ntg.config.RankingConfig;
import dev.ntg.eval.ranking.RelevantSet;
import dev.ntg.io.Json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs the VAL search (or falls back to item-kNN alone when VAL has no eval users) and describes it. */
record BlendTuning(Blend blend, BlendSearch.Result search, int valEvalUsers, String note) {
    static BlendTuning tune(TrainData train, Models models, WindowTruth val, RankingConfig rc, long seed, int threads) {
        List<Scorer> comps = new ArrayList<>();
        for (int i : models.componentIdx()) comps.add(models.scorers().get(i));
        List<String> names = comps.stream().map(Scorer::name).toList();
        if (val.empty()) {
            double[] w = new double[comps.size()];
            w[0] = 1;
            return new BlendTuning(new Blend(comps, w), null, 0,
                    "VAL has no eval users: nothing to tune on, so the blend is item_knn alone (weights not tuned)");
        }
        int[] pick = subsample(val.users().length, rc.tuneMaxUsers(), seed);
        Blend.Candidates[] cands = new Blend.Candidates[pick.length];
        int[] users = new int[pick.length];
        for (int q = 0; q < pick.length; q++) users[q] = val.users()[pick[q]];
        Parallel.forRange(threads, pick.length, () -> new Workspace(train, models.scorers()), (ws, from, to) -> {
            int[] q = {from};
            ws.forEachUser(users, from, to, rc.candidatesPerScorer(),
                    u -> cands[q[0]++] = ws.candidates(models.componentIdx(), rc.candidatesPerScorer(), null));
        });
        List<RelevantSet> rel = new ArrayList<>();
        for (int q : pick) rel.add(val.relevant()[q]);
        BlendSearch.Result r = BlendSearch.run(names, Arrays.asList(cands), rel, rc.blendGrid(), rc.blendRounds(), rc.tuneK());
        String note = pick.length < val.users().length
                ? "searched on a seeded subsample of " + pick.length + " of " + val.users().length + " VAL eval users (ranking.tune_max_users)"
                : "searched on all " + pick.length + " VAL eval users";
        return new BlendTuning(new Blend(comps, r.weights()), r, val.users().length, note);
    }

    /** Positions 0..n-1, or a seeded subsample of max of them (ascending) when n > max > 0. */
    static int[] subsample(int n, int max, long seed) {
        if (max == 0 || n <= max) return java.util.stream.IntStream.range(0, n).toArray();
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) keys[i] = (mix(seed + i) & ~0xFFFFFL) | i; // hash high bits, position low bits
        Integer[] order = java.util.stream.IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Long.compare(mix(seed * 31 + a), mix(seed * 31 + b)) != 0
                ? Long.compare(mix(seed * 31 + a), mix(seed * 31 + b)) : Integer.compare(a, b));
        int[] out = new int[max];
        for (int i = 0; i < max; i++) out[i] = order[i];
        Arrays.sort(out);
        return out;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    ObjectNode toJson(RankingConfig rc) {
        ObjectNode b = Json.MAPPER.createObjectNode();
        ObjectNode w = b.putObject("weights");
        blend.asMap().forEach(w::put);
        b.put("tuned_on", "val");
        b.put("objective", "ndcg@" + rc.tuneK());
        b.put("note", note);
        b.put("candidates_per_scorer", rc.candidatesPerScorer());
        ArrayNode grid = b.putArray("grid");
        rc.blendGrid().forEach(grid::add);
        if (search == null) {
            b.putNull("val_objective");
            b.put("search_users", 0);
            b.putArray("trace");
            return b;
        }
        b.put("val_objective", search.objective());
        b.put("search_users", search.users());
        ArrayNode trace = b.putArray("trace");
        for (BlendSearch.Step s : search.trace()) {
            ObjectNode o = trace.addObject();
            o.put("round", s.round());
            o.put("component", s.component());
            o.put("weight", s.weight());
            o.put("objective", s.objective());
            ObjectNode ws = o.putObject("weights");
            s.weights().forEach(ws::put);
        }
        return b;
    }
}
