package dev.ntg.report.notebook;

import dev.ntg.io.PathCatalog;

/**
 * The ranking protocol's relevant (user, item) pairs of a window, as a query over the split files: the distinct window
 * items of users with a TRAIN event, minus the items in that user's TRAIN history (items absent from TRAIN stay). Used to
 * mark which recommendations were hit and for the labelled cross-check against the report, never to report a metric.
 */
final class RelevantPairs {
    private RelevantPairs() {
    }

    /** A query with columns user_id, item_id for window {@code val} or {@code test}. */
    static String sql(Artifacts art, String window) {
        if (!RankingEvalReport.WINDOWS.contains(window)) {
            throw new IllegalArgumentException("window must be one of " + RankingEvalReport.WINDOWS + ", got '" + window + "'");
        }
        String train = art.parquet(PathCatalog.TRAIN);
        return "SELECT DISTINCT w.user_id, w.item_id FROM " + art.parquet(SplitReport.artifactOf(window)) + " w"
                + " SEMI JOIN (SELECT DISTINCT user_id FROM " + train + ") tu USING (user_id)"
                + " ANTI JOIN (SELECT DISTINCT user_id, item_id FROM " + train + ") th USING (user_id, item_id)";
    }
}
