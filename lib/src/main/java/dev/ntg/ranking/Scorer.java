package dev.ntg.ranking;

/**
 * One signal fitted on TRAIN: given a user's TRAIN history, fill a row of scores (higher is better). Scorers are
 * independent; the {@link Blend} combines them, and each alone is a baseline. Implementations are immutable
 * after construction and safe to share between worker threads (all per-user state lives in the row).
 */
abstract class Scorer {
    /** What {@link #because} returns for an item after {@link #fill}: nothing, a history item, or a taste axis. */
    enum Reason { NONE, ITEM, AXIS }

    /** Report key: popularity, recent_popularity, item_knn, rp3beta, ease, svd, pure_svd, taste_affinity. */
    abstract String name();

    /** One sentence for the report's protocol section. */
    abstract String description();

    /**
     * Writes user {@code user}'s scores into a cleared row. History items may be written; they are excluded later.
     * Most scorers need only the history; per-user artifacts (stage 04's taste profiles) are looked up by the index.
     */
    abstract void fill(int user, int[] history, ScoreRow row);

    /** Item j's score in a filled row: the row value, unless the scorer knows it without touching (popularity). */
    double value(ScoreRow row, int j) {
        return row.v[j];
    }

    /** out[m] = {@link #value}(row, items[m]) for every m. */
    void values(ScoreRow row, int[] items, double[] out) {
        for (int m = 0; m < items.length; m++) out[m] = value(row, items[m]);
    }

    /**
     * Why item j scored in a filled row: the contributing history item or taste axis (see {@link #explains}), or -1.
     * Asked only for the items that make a user's list.
     *
     * @param inHistory the user's TRAIN items, flagged
     */
    int because(ScoreRow row, boolean[] inHistory, int j) {
        return -1;
    }

    /** What {@link #because} returns: the contributing history item (graph walks), the axis (taste), or nothing. */
    Reason explains() {
        return Reason.NONE;
    }
}
