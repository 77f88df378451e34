package dev.ntg.eval;

/**
 * Area under the precision–recall curve as <em>average precision</em> (not the trapezoidal area): AP = Σ_t (R_t −
 * R_{t−1}) · P_t over the distinct prediction values t taken as thresholds from the highest down, so tied predictions
 * enter together (as scikit-learn's {@code average_precision_score}). NaN without positives.
 */
public final class PrAuc extends Pairs {
    @Override
    public double value() {
        int[] order = descending();
        double totalPos = 0;
        for (int i = 0; i < n; i++) totalPos += y[i];
        if (totalPos == 0) return Double.NaN;
        double tp = 0, ap = 0, prevRecall = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && p[order[j + 1]] == p[order[i]]) j++;
            for (int k = i; k <= j; k++) tp += y[order[k]];
            double recall = tp / totalPos, precision = tp / (j + 1);
            ap += (recall - prevRecall) * precision;
            prevRecall = recall;
            i = j + 1;
        }
        return ap;
    }
}
