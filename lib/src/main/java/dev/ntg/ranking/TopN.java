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
        int[] heap = new int[n];
        double[] hv = new double[n];
        int size = 0;
        for (int t = 0; t < row.n; t++) {
            int j = row.touched[t];
            if (excluded[j]) continue;
            double s = scorer == null ? row.v[j] : scorer.value(row, j);
            if (!(s > 0)) continue;
            if (size < n) {
                heap[size] = j;
                hv[size] = s;
                up(heap, hv, size++);
            } else if (better(s, j, hv[0], heap[0])) {
                heap[0] = j;
                hv[0] = s;
                down(heap, hv, size);
            }
        }
        int[] out = new int[Math.min(n, pool)];
        // pop worst-first into the back of the list
        int m = size;
        for (int k = m - 1; k >= 0; k--) {
            out[k] = heap[0];
            heap[0] = heap[--size];
            hv[0] = hv[size];
            down(heap, hv, size);
        }
        int filled = m;
        for (int j = 0; j < row.size() && filled < out.length; j++) {
            if (excluded[j]) continue;
            double s = row.on[j] || scorer != null ? (scorer == null ? row.v[j] : scorer.value(row, j)) : 0;
            if (s == 0) out[filled++] = j;
        }
        if (filled < out.length) {
            // negatives, best first
            int[] neg = java.util.stream.IntStream.range(0, row.n).map(t -> row.touched[t])
                    .filter(j -> !excluded[j] && (scorer == null ? row.v[j] : scorer.value(row, j)) < 0).boxed()
                    .sorted((a, b) -> better(val(row, scorer, a), a, val(row, scorer, b), b) ? -1 : 1)
                    .mapToInt(Integer::intValue).toArray();
            for (int j : neg) if (filled < out.length) out[filled++] = j;
        }
        return filled == out.length ? out : java.util.Arrays.copyOf(out, filled);
    }

    private static double val(ScoreRow row, Scorer s, int j) {
        return s == null ? row.v[j] : s.value(row, j);
    }

    /** (s, j) ranks above (t, k). */
    static boolean better(double s, int j, double t, int k) {
        return s > t || (s == t && j < k);
    }

    private static void up(int[] h, double[] v, int i) {
        while (i > 0) {
            int p = (i - 1) / 2;
            if (better(v[p], h[p], v[i], h[i])) {
                swap(h, v, i, p);
                i = p;
            } else break;
        }
    }

    private static void down(int[] h, double[] v, int size) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1, r = l + 1, w = i;
            if (l < size && better(v[w], h[w], v[l], h[l])) w = l;
            if (r < size && better(v[w], h[w], v[r], h[r])) w = r;
            if (w == i) return;
            swap(h, v, i, w);
            i = w;
        }
    }

    private static void swap(int[] h, double[] v, int a, int b) {
        int t = h[a];
        h[a] = h[b];
        h[b] = t;
        double d = v[a];
        v[a] = v[b];
        v[b] = d;
    }
}
