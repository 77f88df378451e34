package dev.ntg.ranking;

import java.util.Arrays;

/**
 * One user's scores over the catalog, reused from user to user by one worker thread: a dense value array plus
 * the list of items touched, so clearing costs what was touched. Sparse scorers (graph walks) touch few items;
 * dense ones (embeddings, EASE^R) mark the whole row. For graph scorers it also keeps, per item, the history item
 * that contributed most ({@code because}), which becomes the explanation. Dot-product scorers write only the user's
 * {@code query} vector and compute scores from it on demand.
 */
final class ScoreRow {
    final double[] v;
    final int[] because;
    private final double[] best;
    final int[] touched;
    final boolean[] on;
    /** The user's query vector (dot-product scorers), else null. */
    final double[] query;
    int n;
    private boolean dense;

    ScoreRow(int nItems, boolean withReasons) {
        this(nItems, withReasons, 0);
    }

    /** @param queryLength length of the query vector of a dot-product scorer (0: none) */
    ScoreRow(int nItems, boolean withReasons, int queryLength) {
        query = queryLength > 0 ? new double[queryLength] : null;
        v = new double[nItems];
        touched = new int[nItems];
        on = new boolean[nItems];
        because = withReasons ? new int[nItems] : null;
        best = withReasons ? new double[nItems] : null;
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

    /** Adds x to item j's score; {@code from} is the history item it came through (or -1). */
    void add(int j, double x, int from) {
        if (!on[j]) {
            on[j] = true;
            touched[n++] = j;
            if (because != null) {
                because[j] = from;
                best[j] = x;
            }
        } else if (because != null && (x > best[j] || (x == best[j] && from < because[j]))) {
            because[j] = from;
            best[j] = x;
        }
        v[j] += x;
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

    int because(int j) {
        return because == null || !on[j] ? -1 : because[j];
    }
}
