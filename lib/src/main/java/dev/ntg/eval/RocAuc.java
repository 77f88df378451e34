package dev.ntg.eval;

/**
 * Area under the ROC curve, by the Mann–Whitney statistic with average ranks for tied predictions: the chance that
 * a random positive outranks a random negative, ties counting one half. Outcomes must be 0 or 1. NaN without
 * both classes.
 */
public final class RocAuc extends Pairs {
    @Override
    Weighted prepare(double[] p, double[] y, int[] visit) {
        TieGroups g = TieGroups.of(p, visit);
        double[] positive = new double[g.rows.length];
        for (int k = 0; k < positive.length; k++) positive[k] = y[g.rows[k]] == 1 ? 1 : 0;
        return counts -> {
            double positives = 0, rankSum = 0;
            long at = 0; // copies ranked below the current group
            for (int t = 0; t < g.size(); t++) {
                long w = 0;
                double groupPositives = 0;
                for (int k = g.start[t]; k < g.start[t + 1]; k++) {
                    int c = Weighted.count(counts, g.rows[k]);
                    w += c;
                    groupPositives += c * positive[k];
                }
                // Exact: integer counts times the group's mean rank at + 1 .. at + w, a half-integer. A group not
                // drawn adds 0, without a branch that a third of the groups of a resample would mispredict.
                positives += groupPositives;
                rankSum += groupPositives * ((2 * at + w + 1) / 2.0);
                at += w;
            }
            double negatives = at - positives;
            if (positives == 0 || negatives == 0) return Double.NaN;
            return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
        };
    }
}
