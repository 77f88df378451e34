package dev.ntg.eval.ranking;

/**
 * An accuracy metric of one ranked list. Step one, {@link #score}: one user's list (catalog indices, best
 * first) against that user's relevant items. Step two, {@link #summarize}: the mean over users, summed in the
 * order given so that equal inputs give equal doubles.
 */
public interface RankingMetric {
    /** Report key, e.g. {@code ndcg@10}. */
    String name();

    double score(int[] ranked, RelevantSet relevant);

    static double summarize(double[] perUser) {
        if (perUser.length == 0) throw new IllegalArgumentException("no users to summarize: report 'no eval users' instead of a mean");
        double s = 0;
        for (double v : perUser) s += v;
        return s / perUser.length;
    }

    /** The standard set for one K: NDCG, Recall, Precision, MAP and HitRate. */
    static java.util.List<RankingMetric> atK(int k) {
        return java.util.List.of(new Ndcg(k), new Recall(k), new Precision(k), new MeanAveragePrecision(k), new HitRate(k));
    }

    static int checkK(int k) {
        if (k <= 0) throw new IllegalArgumentException("K must be > 0, got " + k + " (set ranking.ks to positive cut-offs)");
        return k;
    }
}
