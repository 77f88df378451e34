package dev.ntg.eval;

/**
 * A metric that is the mean of a per-row term: the terms are computed once per row, a resample only re-sums them,
 * a row drawn c times adding c·term (one rounding, where adding the copies one by one would round c times).
 */
abstract class MeanOfTerms extends Pairs {
    abstract double term(double p, double y);

    @Override
    final Weighted prepare(double[] p, double[] y, int[] visit) {
        double[] t = new double[visit.length];
        for (int j = 0; j < visit.length; j++) t[j] = term(p[visit[j]], y[visit[j]]);
        return counts -> {
            double s = 0;
            long copies = 0;
            for (int j = 0; j < visit.length; j++) {
                int c = Weighted.count(counts, visit[j]);
                s += c * t[j];
                copies += c;
            }
            return copies == 0 ? Double.NaN : s / copies;
        };
    }
}
