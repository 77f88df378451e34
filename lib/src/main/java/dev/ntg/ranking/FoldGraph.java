package dev.ntg.ranking;

/**
 * A cosine top-K item graph built from a backtest fold's own TRAIN prefix (the stage-03 graph saw all of TRAIN,
 * so folds cannot reuse it): c(i,j) / sqrt(c(i) c(j)) over distinct users, ties by destination index.
 */
final class FoldGraph {
    private FoldGraph() {
    }

    static ItemNeighbors build(TrainData t, int topK) {
        int n = t.nItems;
        int[][] dst = new int[n][];
        double[][] sim = new double[n][];
        long[][] co = new long[n][];
        int[] count = new int[n];
        int[] touched = new int[n];
        for (int i = 0; i < n; i++) {
            int m = 0;
            for (int p = t.itemPtr[i]; p < t.itemPtr[i + 1]; p++) {
                int u = t.itemUsers[p];
                for (int q = t.userPtr[u]; q < t.userPtr[u + 1]; q++) {
                    int j = t.items[q];
                    if (j == i) continue;
                    if (count[j]++ == 0) touched[m++] = j;
                }
            }
            ScoreRow row = null;
            int keep = Math.min(topK, m);
            Integer[] order = new Integer[m];
            double[] s = new double[m];
            for (int k = 0; k < m; k++) {
                int j = touched[k];
                order[k] = k;
                s[k] = count[j] / Math.sqrt((double) t.popularity[i] * t.popularity[j]);
            }
            java.util.Arrays.sort(order, (a, b) -> s[a] != s[b] ? Double.compare(s[b], s[a]) : Integer.compare(touched[a], touched[b]));
            dst[i] = new int[keep];
            sim[i] = new double[keep];
            co[i] = new long[keep];
            for (int k = 0; k < keep; k++) {
                dst[i][k] = touched[order[k]];
                sim[i][k] = s[order[k]];
                co[i][k] = count[touched[order[k]]];
            }
            for (int k = 0; k < m; k++) count[touched[k]] = 0;
        }
        return ItemNeighbors.of(n, dst, sim, co);
    }
}
