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
        return counts -> {
            double positives = 0, rankSum = 0;
            long at = 0; // copies ranked below the current group
            for (int t = 0; t < g.size(); t++) {
                long w = g.copies(t, counts);
                if (w == 0) continue;
                double avgRank = (2 * at + w + 1) / 2.0; // mean of the ranks at + 1 .. at + w
                for (int k = g.start[t]; k < g.start[t + 1]; k++) {
                    int i = g.rows[k];
                    if (y[i] != 1) continue;
                    int c = Weighted.count(counts, i);
                    positives += c;
                    rankSum += c * avgRank; // exact: avgRank is a half-integer
                }
                at += w;
            }
            double negatives = at - positives;
            if (positives == 0 || negatives == 0) return Double.NaN;
            return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
        };
    }
}
