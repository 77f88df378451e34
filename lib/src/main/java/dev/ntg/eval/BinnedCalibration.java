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
        // An equal-width bin depends on the prediction alone: found once here, not once per resample.
        int[] widthBin = null;
        if (sorted == null) {
            widthBin = new int[visit.length];
            for (int j = 0; j < visit.length; j++) widthBin[j] = Bins.widthBin(p[visit[j]], bins);
        }
        int[] fixedBin = widthBin;
        return counts -> {
            long copies = 0;
            for (int i : visit) copies += Weighted.count(counts, i);
            if (copies == 0) return Double.NaN;
            MassBins mass = sorted == null ? null : new MassBins(sorted, visit, counts, copies, bins);
            int[] firstBin = mass == null ? fixedBin : mass.first, lastBin = mass == null ? fixedBin : mass.last;
            int[] count = new int[bins];
            double[] sp = new double[bins], sy = new double[bins];
            for (int j = 0; j < visit.length; j++) {
                int i = visit[j];
                int c = Weighted.count(counts, i);
                if (c == 0) continue;
                int b = firstBin[j];
                if (b == lastBin[j]) {
                    count[b] += c;
                    sp[b] += c * p[i];
                    sy[b] += c * y[i];
                } else {
                    for (long at = mass.position(j), end = at + c; at < end; at++) { // the copies straddle a bin edge
                        int bk = Bins.massBin(at, copies, bins);
                        count[bk]++;
                        sp[bk] += p[i];
                        sy[bk] += y[i];
                    }
                }
            }
            return summarize(BinnedStats.fromSums(count, sp, sy, (int) copies));
        };
    }

    /**
     * EQUAL_MASS bins of each visit position's first and last copy in one resample. Copies take consecutive sorted
     * positions, so both bins only move forward along the sorted order and a bin's end is computed once per bin,
     * not once per row: bin k holds positions [floor(k·n/B), floor((k+1)·n/B)), the bins {@link Bins#massBin} finds
     * by division. A row whose copies straddle an edge keeps its first position; each of the B − 1 edges is
     * straddled by at most one row.
     */
    private static final class MassBins {
        final int[] first, last;
        private final int[] straddler;
        private final long[] straddlerAt;
        private int straddlers;

        MassBins(int[] sorted, int[] visit, int[] counts, long copies, int bins) {
            first = new int[visit.length];
            last = new int[visit.length];
            straddler = new int[bins];
            straddlerAt = new long[bins];
            long at = 0;
            int b = 0, e = 0;
            for (int j : sorted) {
                int c = Weighted.count(counts, visit[j]);
                if (c == 0) continue;
                while (at >= end(b, copies, bins)) b++;
                while (at + c - 1 >= end(e, copies, bins)) e++;
                first[j] = b;
                last[j] = e;
                if (b != e) {
                    straddler[straddlers] = j;
                    straddlerAt[straddlers++] = at;
                }
                at += c;
            }
        }

        private static long end(int bin, long copies, int bins) {
            return (bin + 1) * copies / bins;
        }

        /** Sorted position of the first copy of visit position j, a row that straddles an edge. */
        long position(int j) {
            for (int k = 0; k < straddlers; k++) if (straddler[k] == j) return straddlerAt[k];
            throw new IllegalStateException("visit position " + j + " straddles no bin edge");
        }
    }
}
