package dev.ntg.eval;

/**
 * Area under the precision–recall curve as <em>average precision</em> (not the trapezoidal area): AP = Σ_t (R_t −
 * R_{t−1}) · P_t over the distinct prediction values t taken as thresholds from the highest down, so tied predictions
 * enter together (as scikit-learn's {@code average_precision_score}). NaN without positives.
 */
public final class PrAuc extends Pairs {
    @Override
    Weighted prepare(double[] p, double[] y, int[] visit) {
        TieGroups g = TieGroups.of(p, visit);
        return counts -> {
            double totalPos = TieGroups.outcomeSum(y, visit, counts);
            if (totalPos == 0) return Double.NaN;
            double tp = 0, ap = 0, prevRecall = 0;
            long above = 0; // copies at or above the current threshold
            for (int t = g.size() - 1; t >= 0; t--) {
                for (int k = g.start[t]; k < g.start[t + 1]; k++) {
                    int i = g.rows[k];
                    int c = Weighted.count(counts, i);
                    above += c;
                    tp += c * y[i];
                }
                // A group not drawn leaves tp, so the recall step is +0 and ap keeps its bits: no branch for it.
                double recall = tp / totalPos, precision = above == 0 ? 0 : tp / above;
                ap += (recall - prevRecall) * precision;
                prevRecall = recall;
            }
            return ap;
        };
    }
}
