package dev.ntg.config;

/**
 * Which source columns hold the canonical fields (for csv and parquet sources).
 *
 * @param user      column with the user id
 * @param item      column with the item id
 * @param timestamp column with the event time
 * @param value     column with the optional event value (rating, watch fraction), or null when the log has none
 */
public record ColumnsConfig(String user, String item, String timestamp, String value) {
    public ColumnsConfig {
        Check.that(user != null && !user.isBlank(), "user", "must name a column");
        Check.that(item != null && !item.isBlank(), "item", "must name a column");
        Check.that(timestamp != null && !timestamp.isBlank(), "timestamp", "must name a column");
    }
}
