package dev.ntg.taste;

import smile.validation.metric.AdjustedRandIndex;

/**
 * How far two fits of the axes agree on the items both placed: the adjusted Rand index of the two partitions
 * (Smile; blind to how axes are numbered) and the matched overlap — for each axis of the reference fit, the best
 * Jaccard overlap with an axis of the other fit, averaged with the reference axes' sizes as weights.
 *
 * @param items          items compared (shaping the axes in both fits)
 * @param ari            adjusted Rand index
 * @param matchedOverlap size-weighted mean best Jaccard overlap
 */
public record Agreement(long items, double ari, double matchedOverlap) {

    public static Agreement of(AxisFit reference, AxisFit other) {
        int n = reference.dominant().length;
        int m = 0;
        for (int i = 0; i < n; i++) if (reference.shaping()[i] && other.shaping()[i]) m++;
        int[] a = new int[m], b = new int[m];
        for (int i = 0, r = 0; i < n; i++) {
            if (reference.shaping()[i] && other.shaping()[i]) {
                a[r] = reference.dominant()[i];
                b[r++] = other.dominant()[i];
            }
        }
        return new Agreement(m, m < 2 ? 0 : AdjustedRandIndex.of(a, b), matchedOverlap(a, b, reference.k(), other.k()));
    }

    static double matchedOverlap(int[] a, int[] b, int ka, int kb) {
        long[][] both = new long[ka][kb];
        long[] sa = new long[ka], sb = new long[kb];
        for (int r = 0; r < a.length; r++) {
            both[a[r]][b[r]]++;
            sa[a[r]]++;
            sb[b[r]]++;
        }
        double sum = 0;
        for (int x = 0; x < ka; x++) {
            double best = 0;
            for (int y = 0; y < kb; y++) {
                long union = sa[x] + sb[y] - both[x][y];
                if (union > 0) best = Math.max(best, (double) both[x][y] / union);
            }
            sum += best * sa[x];
        }
        return a.length == 0 ? 0 : sum / a.length;
    }
}
