package dev.ntg.eval;

/**
 * Rows sorted by prediction ascending (ties in visit order) and cut into groups of equal prediction: what the
 * ranking metrics walk. Reading the groups from the last one down gives the descending order with tied rows entering
 * together, still in visit order inside a group.
 */
final class TieGroups {
    final int[] rows;
    /** Group g holds rows[start[g]] .. rows[start[g + 1] - 1]. */
    final int[] start;

    private TieGroups(int[] rows, int[] start) {
        this.rows = rows;
        this.start = start;
    }

    static TieGroups of(double[] p, int[] visit) {
        int[] pos = Weighted.ascending(p, visit);
        int n = pos.length;
        int[] rows = new int[n], start = new int[n + 1];
        int groups = 0;
        for (int k = 0; k < n; k++) {
            rows[k] = visit[pos[k]];
            if (k == 0 || p[rows[k]] != p[rows[k - 1]]) start[groups++] = k;
        }
        start[groups] = n;
        return new TieGroups(rows, java.util.Arrays.copyOf(start, groups + 1));
    }

    int size() {
        return start.length - 1;
    }

    /** Σ y over every copy, rows in visit order, a row drawn c times adding c·y. */
    static double outcomeSum(double[] y, int[] visit, int[] counts) {
        double s = 0;
        for (int i : visit) s += Weighted.count(counts, i) * y[i];
        return s;
    }
}
