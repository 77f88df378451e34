package dev.ntg.report.notebook;

import dev.ntg.io.PathCatalog;

/**
 * What a reader recognises an item by: its title and genres from the dataset's item metadata ({@code items.parquet}),
 * and its popularity as the stages count it (distinct TRAIN users, from the item features). Sources without
 * metadata show the item id as the title and no genres.
 */
final class ItemLabels {
    private ItemLabels() {
    }

    /**
     * A relation over the TRAIN items: {@code item_id}, {@code title}, {@code genres} (comma-separated, '' when unknown),
     * {@code genre_list} (VARCHAR[]), {@code users} (distinct TRAIN users) and {@code popularity_rank} (1 = most users, ties:
     * smaller item id, as build-graph ranks popularity).
     */
    static String relation(Artifacts art) {
        return "(SELECT f.item_id, coalesce(m.title, f.item_id) AS title, replace(coalesce(m.genres, ''), '|', ', ') AS genres,"
                + " CASE WHEN coalesce(m.genres, '') = '' THEN []::VARCHAR[] ELSE string_split(m.genres, '|') END AS genre_list,"
                + " f.distinct_users AS users, row_number() OVER (ORDER BY f.distinct_users DESC, f.item_id) AS popularity_rank"
                + " FROM " + art.parquet(PathCatalog.ITEM_FEATURES) + " f LEFT JOIN "
                + art.parquet(PathCatalog.ITEMS) + " m USING (item_id))";
    }
}
