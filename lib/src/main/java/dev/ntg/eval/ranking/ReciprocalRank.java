package dev.ntg.eval.ranking;

/** MRR (per user: reciprocal rank): 1 / rank of the first relevant item in the whole list (top_n long), 0 if none. */
public final class ReciprocalRank implements RankingMetric {
    @Override
    public String name() {
        return "mrr";
    }

    @Override
    public double score(int[] ranked, RelevantSet relevant) {
        for (int r = 1; r <= ranked.length; r++) if (relevant.contains(ranked[r - 1])) return 1.0 / r;
        return 0;
    }
}
