package dev.ntg.eval;

/**
 * A calibration metric over bins (ECE, MCE): predictions grouped by a {@link Bins} scheme, each bin's mean
 * prediction against its observed rate. Under EQUAL_MASS a drawn row's copies take consecutive sorted positions
 * and may fall in neighbouring bins, exactly as if each copy had been added on its own; copies in one bin add
 * c·p and c·y at once.
 */
abstract class BinnedCalibration extends Pairs {
    private final Bins scheme;
    private final int bins;

    BinnedCalibration(Bins scheme, int bins) {
        if (bins < 1) throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        this.scheme = scheme;
        this.bins = bins;
    }

    /** The metric from the bins of a non-empty sample. */
    abstract double summarize(BinnedStats s);

    @Override
    final Weighted prepare(double[] p, double[] y, int[] visit) {
        int[] sorted = scheme == Bins.EQUAL_MASS ? Weighted.ascending(p, visit) : null;
        return counts -> {
            long copies = 0;
            for (int i : visit) copies += Weighted.count(counts, i);
            if (copies == 0) return Double.NaN;
            // Sorted position of each visit position's first copy (EQUAL_MASS only).
            long[] first = null;
            if (sorted != null) {
                first = new long[visit.length];
                long at = 0;
                for (int j : sorted) {
                    first[j] = at;
                    at += Weighted.count(counts, visit[j]);
                }
            }
            int[] count = new int[bins];
            double[] sp = new double[bins], sy = new double[bins];
            for (int j = 0; j < visit.length; j++) {
                int i = visit[j];
                int c = Weighted.count(counts, i);
                if (c == 0) continue;
                int b = first == null ? Bins.widthBin(p[i], bins) : Bins.massBin(first[j], copies, bins);
                int last = first == null ? b : Bins.massBin(first[j] + c - 1, copies, bins);
                if (b == last) {
                    count[b] += c;
                    sp[b] += c * p[i];
                    sy[b] += c * y[i];
                } else {
                    for (int k = 0; k < c; k++) { // the copies straddle a bin edge
                        int bk = Bins.massBin(first[j] + k, copies, bins);
                        count[bk]++;
                        sp[bk] += p[i];
                        sy[bk] += y[i];
                    }
                }
            }
            return summarize(BinnedStats.fromSums(count, sp, sy, (int) copies));
        };
    }
}
