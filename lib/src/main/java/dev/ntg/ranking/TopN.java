package dev.ntg.ranking;

/**
 * The top N of a row over the candidate pool (items not excluded), ordered by score descending then item index
 * ascending (= item id, since indices follow id order). Untouched items score 0. A bounded min-heap over the
 * positive touched scores, then zeros in index order, then negatives: the exact order of a full sort, without one.
 */
final class TopN {
    private TopN() {
    }

    /** @param pool items not excluded (the caller knows: catalog size minus history) */
    static int[] select(ScoreRow row, Scorer scorer, boolean[] excluded, int pool, int n) {
        BoundedHeap heap = new BoundedHeap(n);
        heap.reset(n);
        for (int t = 0; t < row.n; t++) {
            int j = row.touched[t];
            if (excluded[j]) continue;
            double s = scorer == null ? row.v[j] : scorer.value(row, j);
            if (s > 0) heap.offer(j, s);
        }
        int[] out = new int[Math.min(n, pool)];
        int filled = heap.drainInto(out, 0);
        for (int j = 0; j < row.size() && filled < out.length; j++) {
            if (excluded[j]) continue;
            double s = row.on[j] || scorer != null ? (scorer == null ? row.v[j] : scorer.value(row, j)) : 0;
            if (s == 0) out[filled++] = j;
        }
        if (filled < out.length) {
            // negatives, best first
            int[] neg = java.util.stream.IntStream.range(0, row.n).map(t -> row.touched[t])
                    .filter(j -> !excluded[j] && (scorer == null ? row.v[j] : scorer.value(row, j)) < 0).boxed()
                    .sorted((a, b) -> BoundedHeap.better(val(row, scorer, a), a, val(row, scorer, b), b) ? -1 : 1)
                    .mapToInt(Integer::intValue).toArray();
            for (int j : neg) if (filled < out.length) out[filled++] = j;
        }
        return filled == out.length ? out : java.util.Arrays.copyOf(out, filled);
    }

    private static double val(ScoreRow row, Scorer s, int j) {
        return s == null ? row.v[j] : s.value(row, j);
    }
}
