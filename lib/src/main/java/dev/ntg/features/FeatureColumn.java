package dev.ntg.features;

/**
 * One column of a feature table: how it is computed and what it means. The same record drives the SQL that
 * writes the column (cast to {@link #type}) and its entry in the feature manifest, so the two cannot drift apart.
 *
 * @param name        column name in the Parquet file
 * @param type        DuckDB type written: VARCHAR, BIGINT, DOUBLE, TIMESTAMP or BOOLEAN
 * @param unit        unit of the values (days, events, share, value units, ...)
 * @param source      what the column is computed from
 * @param window      the time window the column looks at, relative to {@code as_of}
 * @param nullPolicy  when the column is NULL
 * @param description what the column is, for a reader of the manifest
 * @param sql         expression over the table's aggregate relation
 */
public record FeatureColumn(String name, String type, String unit, String source, String window, String nullPolicy,
                            String description, String sql) {
    static final String TRAIN = "train events";
    static final String ALL_TRAIN = "all of TRAIN: ts < as_of";
    static final String NEVER_NULL = "never null";

    /** A column over all of TRAIN that is never NULL; refine with the withers. */
    static FeatureColumn column(String name, String type, String unit, String sql, String description) {
        return new FeatureColumn(name, type, unit, TRAIN, ALL_TRAIN, NEVER_NULL, description, sql);
    }

    FeatureColumn window(String w) {
        return new FeatureColumn(name, type, unit, source, w, nullPolicy, description, sql);
    }

    FeatureColumn nullWhen(String when) {
        return new FeatureColumn(name, type, unit, source, window, "NULL when " + when, description, sql);
    }

    FeatureColumn from(String s) {
        return new FeatureColumn(name, type, unit, s, window, nullPolicy, description, sql);
    }
}
