package dev.ntg.ranking;

import java.util.Arrays;
import java.util.List;

/**
 * Per-thread scratch for ranking one user at a time: one row per scorer, the history mask, and a row for the
 * blended scores. Nothing here outlives the user being ranked.
 */
final class Workspace {
    final TrainData train;
    final List<Scorer> scorers;
    final ScoreRow[] rows;
    final boolean[] excluded;
    final ScoreRow blendRow;
    final boolean[] inUnion;
    int[] history = new int[0];
    int user = -1;

    Workspace(TrainData train, List<Scorer> scorers) {
        this.train = train;
        this.scorers = scorers;
        rows = new ScoreRow[scorers.size()];
        for (int s = 0; s < rows.length; s++) rows[s] = new ScoreRow(train.nItems, scorers.get(s).explains() != Scorer.Reason.NONE);
        excluded = new boolean[train.nItems];
        blendRow = new ScoreRow(train.nItems, false);
        inUnion = new boolean[train.nItems];
    }

    /** Loads user u: history mask set, rows cleared (not filled). */
    void user(int u) {
        for (int h : history) excluded[h] = false;
        user = u;
        history = train.history(u);
        for (int h : history) excluded[h] = true;
        for (ScoreRow r : rows) r.clear();
        blendRow.clear();
    }

    int pool() {
        return train.nItems - history.length;
    }

    /** Fills scorer s for the current user and returns its top n unseen items. */
    int[] top(int s, int n) {
        Scorer sc = scorers.get(s);
        sc.fill(user, history, rows[s]);
        return TopN.select(rows[s], sc, excluded, pool(), n);
    }

    /** Candidate generation and normalization for the blend's components (indices into {@link #scorers}). */
    Blend.Candidates candidates(int[] componentIdx, int perScorer, int[][] topsOut) {
        int c = componentIdx.length;
        double[] norm = new double[c];
        int count = 0;
        int[] union = new int[Math.min(train.nItems, perScorer * c)];
        for (int k = 0; k < c; k++) {
            int s = componentIdx[k];
            int[] top = top(s, perScorer);
            if (topsOut != null) topsOut[k] = top;
            Scorer sc = scorers.get(s);
            norm[k] = top.length > 0 ? Math.max(sc.value(rows[s], top[0]), 0) : 0;
            for (int j : top) if (!inUnion[j]) {
                inUnion[j] = true;
                union[count++] = j;
            }
        }
        int[] items = Arrays.copyOf(union, count);
        Arrays.sort(items);
        double[][] values = new double[c][count];
        for (int m = 0; m < count; m++) {
            int j = items[m];
            inUnion[j] = false;
            for (int k = 0; k < c; k++) {
                int s = componentIdx[k];
                values[k][m] = norm[k] > 0 ? scorers.get(s).value(rows[s], j) / norm[k] : 0;
            }
        }
        return new Blend.Candidates(items, values);
    }

    /** The blended top n of the current user's candidates (exact tie-breaking, fillers by index). */
    int[] blendTop(Blend.Candidates cand, double[] weights, int n) {
        blendRow.clear();
        for (int m = 0; m < cand.items().length; m++) blendRow.add(cand.items()[m], cand.score(weights, m), -1);
        return TopN.select(blendRow, null, excluded, pool(), n);
    }
}
