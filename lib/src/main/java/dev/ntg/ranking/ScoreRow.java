package dev.ntg.ranking;

import java.util.Arrays;

/**
 * One user's scores over the catalog, reused from user to user by one worker thread: a dense value array plus
 * the list of items touched, so clearing costs what was touched. Sparse scorers (graph walks) touch few items;
 * dense ones (embeddings, EASE^R) mark the whole row. Dot-product scorers write only the user's {@code query}
 * vector and compute scores from it on demand. Explanations are not tracked here: a scorer finds the reason of
 * the few listed items afterwards (see {@link Scorer#because}).
 */
final class ScoreRow {
    final double[] v;
    final int[] touched;
    final boolean[] on;
    /** The user's query vector (dot-product scorers), else null. */
    final double[] query;
    int n;
    private boolean dense;

    ScoreRow(int nItems) {
        this(nItems, 0);
    }

    /** @param queryLength length of the query vector of a dot-product scorer (0: none) */
    ScoreRow(int nItems, int queryLength) {
        query = queryLength > 0 ? new double[queryLength] : null;
        v = new double[nItems];
        // one spare slot: a branch-free walk writes the next slot before it knows whether the item is new
        touched = new int[nItems + 1];
        on = new boolean[nItems];
    }

    int size() {
        return v.length;
    }

    void clear() {
        if (dense) {
            Arrays.fill(v, 0);
            Arrays.fill(on, false);
            dense = false;
        } else {
            for (int t = 0; t < n; t++) {
                v[touched[t]] = 0;
                on[touched[t]] = false;
            }
        }
        n = 0;
    }

    /** Adds x to item j's score. */
    void add(int j, double x) {
        if (!on[j]) {
            on[j] = true;
            touched[n++] = j;
        }
        v[j] += x;
    }

    /** Marks the items other touched as touched here too (a cleared row whose values were written alongside other's). */
    void touchLike(ScoreRow other) {
        for (int t = 0; t < other.n; t++) {
            int j = other.touched[t];
            touched[t] = j;
            on[j] = true;
        }
        n = other.n;
    }

    /** Marks every item touched; the caller then writes {@link #v} directly. */
    void makeDense() {
        if (!dense) {
            dense = true;
            for (int j = 0; j < v.length; j++) {
                touched[j] = j;
                on[j] = true;
            }
            n = v.length;
        }
    }
}
