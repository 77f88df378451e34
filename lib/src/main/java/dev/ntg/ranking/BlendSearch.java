package dev.ntg.ranking;

import dev.ntg.eval.ranking.Ndcg;
import dev.ntg.eval.ranking.RelevantSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The VAL search for the blend weights: deterministic coordinate ascent over a grid. Start from item-kNN alone;
 * for each component in turn try every grid weight with the others fixed and keep the best mean NDCG@K (a change
 * must improve by more than 1e-12; ties keep the earlier choice); repeat for the configured rounds. The all-zero
 * vector is never tried. The objective ranks each user's candidates only (no fillers), which is what the final
 * lists show whenever a user has at least K candidates. Every evaluation is kept as the trace.
 */
final class BlendSearch {
    record Step(int round, String component, double weight, Map<String, Double> weights, double objective) {
    }

    record Result(double[] weights, double objective, List<Step> trace, int users) {
    }

    private BlendSearch() {
    }

    static Result run(List<String> names, List<Blend.Candidates> cands, List<RelevantSet> relevant, List<Double> grid, int rounds, int k) {
        int c = names.size();
        double[] w = new double[c];
        w[0] = 1;
        List<Step> trace = new ArrayList<>();
        double best = objective(cands, relevant, w, k);
        trace.add(new Step(0, "start", 1, map(names, w), best));
        for (int r = 1; r <= rounds; r++) {
            boolean moved = false;
            for (int s = 0; s < c; s++) {
                double keep = w[s];
                double bestW = keep;
                for (double g : grid) {
                    if (g == keep) continue;
                    w[s] = g;
                    if (allZero(w)) continue;
                    double o = objective(cands, relevant, w, k);
                    trace.add(new Step(r, names.get(s), g, map(names, w), o));
                    if (o > best + 1e-12) {
                        best = o;
                        bestW = g;
                    }
                }
                if (bestW != keep) moved = true;
                w[s] = bestW;
            }
            if (!moved) break;
        }
        return new Result(w, best, trace, cands.size());
    }

    static double objective(List<Blend.Candidates> cands, List<RelevantSet> relevant, double[] w, int k) {
        Ndcg ndcg = new Ndcg(k);
        double sum = 0;
        for (int q = 0; q < cands.size(); q++) sum += ndcg.score(top(cands.get(q), w, k), relevant.get(q));
        return cands.isEmpty() ? 0 : sum / cands.size();
    }

    /** The candidates' top k by blended score, ties by item index. */
    static int[] top(Blend.Candidates cand, double[] w, int k) {
        int m = cand.items().length;
        double[] s = new double[m];
        for (int q = 0; q < m; q++) s[q] = cand.score(w, q);
        int n = Math.min(k, m);
        int[] pick = new int[n];
        boolean[] used = new boolean[m];
        for (int r = 0; r < n; r++) {
            int b = -1;
            for (int q = 0; q < m; q++) {
                if (used[q]) continue;
                // items are ascending, so the first of equal scores has the smaller id
                if (b < 0 || s[q] > s[b]) b = q;
            }
            used[b] = true;
            pick[r] = cand.items()[b];
        }
        return pick;
    }

    private static boolean allZero(double[] w) {
        for (double x : w) if (x != 0) return false;
        return true;
    }

    private static Map<String, Double> map(List<String> names, double[] w) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int s = 0; s < w.length; s++) m.put(names.get(s), w[s]);
        return m;
    }
}
