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
        // One plain loop per case: a single loop that chose its case row by row ran at 7 ns a row, these at 3.5-4.
        if (scheme == Bins.EQUAL_WIDTH) return counts -> summarize(equalWidth(p, y, visit, counts));
        int[] sorted = Weighted.ascending(p, visit);
        if (isIdentity(sorted)) return counts -> summarize(equalMassInOrder(p, y, visit, counts));
        return counts -> summarize(equalMass(p, y, visit, sorted, counts));
    }

    private double summarize(Sums s) {
        return s.copies == 0 ? Double.NaN : summarize(BinnedStats.fromSums(s.count, s.sp, s.sy, (int) s.copies));
    }

    /** Per-bin sums in visit order. */
    private static final class Sums {
        final int[] count;
        final double[] sp, sy;
        long copies;

        Sums(int bins) {
            count = new int[bins];
            sp = new double[bins];
            sy = new double[bins];
        }

        /** c copies of (p, y) into bin b; c = 0 (a row not drawn) leaves the sums' bits as they are. */
        void add(int b, int c, double p, double y) {
            count[b] += c;
            sp[b] += c * p;
            sy[b] += c * y;
        }
    }

    private Sums equalWidth(double[] p, double[] y, int[] visit, int[] counts) {
        Sums s = new Sums(bins);
        long copies = 0;
        for (int i : visit) {
            int c = Weighted.count(counts, i);
            copies += c;
            s.add(Bins.widthBin(p[i], bins), c, p[i], y[i]);
        }
        s.copies = copies;
        return s;
    }

    /**
     * Rows visited in sorted order: each row's copies take the next sorted positions, so the bin is found by moving
     * forward from the last one (no division per row).
     */
    private Sums equalMassInOrder(double[] p, double[] y, int[] visit, int[] counts) {
        Sums s = new Sums(bins);
        long copies = 0;
        for (int i : visit) copies += Weighted.count(counts, i);
        s.copies = copies;
        int b = 0;
        long at = 0, next = massStart(1, copies);
        for (int i : visit) {
            int c = Weighted.count(counts, i);
            while (at >= next) next = massStart(++b + 1, copies);
            if (at + c <= next) {
                s.add(b, c, p[i], y[i]);
            } else {
                for (int k = 0; k < c; k++) { // the copies straddle a bin edge
                    while (at + k >= next) next = massStart(++b + 1, copies);
                    s.add(b, 1, p[i], y[i]);
                }
            }
            at += c;
        }
        return s;
    }

    /** Bin k of n copies starts at sorted position floor(k·n/B) (see {@link Bins#massBin}); past the last bin, never. */
    private long massStart(int k, long n) {
        return k >= bins ? Long.MAX_VALUE : k * n / bins;
    }

    /** Rows in any order: the sorted position of each row's first copy is found first. */
    private Sums equalMass(double[] p, double[] y, int[] visit, int[] sorted, int[] counts) {
        Sums s = new Sums(bins);
        long[] first = new long[visit.length];
        for (int j : sorted) {
            first[j] = s.copies;
            s.copies += Weighted.count(counts, visit[j]);
        }
        for (int j = 0; j < visit.length; j++) {
            int i = visit[j];
            int c = Weighted.count(counts, i);
            if (c == 0) continue;
            int b = Bins.massBin(first[j], s.copies, bins);
            if (b == Bins.massBin(first[j] + c - 1, s.copies, bins)) {
                s.add(b, c, p[i], y[i]);
            } else {
                for (int k = 0; k < c; k++) s.add(Bins.massBin(first[j] + k, s.copies, bins), 1, p[i], y[i]); // straddles a bin edge
            }
        }
        return s;
    }

    private static boolean isIdentity(int[] a) {
        for (int k = 0; k < a.length; k++) if (a[k] != k) return false;
        return true;
    }
}
