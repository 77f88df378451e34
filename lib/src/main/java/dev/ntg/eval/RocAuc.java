package dev.ntg.eval;

/**
 * Area under the ROC curve, by the Mann–Whitney statistic with average ranks for tied predictions: the chance that
 * a random positive outranks a random negative, ties counting one half. Outcomes must be 0 or 1. NaN without
 * both classes.
 */
public final class RocAuc extends Pairs {
    @Override
    public double value() {
        int[] order = ascending();
        double positives = 0, rankSum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && p[order[j + 1]] == p[order[i]]) j++;
            double avgRank = (i + 1 + j + 1) / 2.0;
            for (int k = i; k <= j; k++) {
                if (y[order[k]] == 1) {
                    positives++;
                    rankSum += avgRank;
                }
            }
            i = j + 1;
        }
        double negatives = n - positives;
        if (positives == 0 || negatives == 0) return Double.NaN;
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }
}
