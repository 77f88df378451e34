package dev.ntg.config;

import java.time.Instant;
import java.util.List;

/**
 * Where the raw events come from and what counts as a valid event.
 *
 * @param source             synthetic | csv | parquet | movielens-100k | movielens-csv
 * @param path               file or directory of the source (unused for synthetic)
 * @param columns            column mapping for csv and parquet sources
 * @param timestampFormat    auto | epoch_seconds | epoch_millis | iso | a strptime pattern such as %Y-%m-%d %H:%M:%S
 * @param csv                delimited-file dialect for csv sources
 * @param maxRejectFraction  the build fails when more than this share of rows is rejected
 * @param validFrom          events before this instant are rejected as out of range
 * @param validUntil         events at or after this instant are rejected as out of range
 * @param valueMin           smallest valid value (null: no lower bound)
 * @param valueMax           largest valid value (null: no upper bound)
 * @param synthetic          the embedded generator's settings
 */
public record DatasetConfig(String source, String path, ColumnsConfig columns, String timestampFormat, CsvConfig csv,
                            double maxRejectFraction, String validFrom, String validUntil, Double valueMin, Double valueMax,
                            SyntheticConfig synthetic) {
    public static final List<String> SOURCES = List.of("synthetic", "csv", "parquet", "movielens-100k", "movielens-csv");
    public static final List<String> TIMESTAMP_FORMATS = List.of("auto", "epoch_seconds", "epoch_millis", "iso");

    public DatasetConfig {
        Check.oneOf("source", source, SOURCES);
        Check.that(source.equals("synthetic") || (path != null && !path.isBlank()), "path",
                "is required for source '" + source + "': the file or directory to read");
        Check.required("columns", columns);
        Check.required("csv", csv);
        Check.required("synthetic", synthetic);
        Check.that(timestampFormat != null && (TIMESTAMP_FORMATS.contains(timestampFormat) || timestampFormat.contains("%")),
                "timestamp_format", "must be one of " + String.join(", ", TIMESTAMP_FORMATS)
                        + " or a strptime pattern containing %, got '" + timestampFormat + "'");
        Check.between("max_reject_fraction", maxRejectFraction, 0.0, 1.0);
        Instant from = Timestamps.parseSetting("valid_from", Check.required("valid_from", validFrom));
        Instant until = Timestamps.parseSetting("valid_until", Check.required("valid_until", validUntil));
        Check.that(from.isBefore(until), "valid_until", "must be after valid_from (" + validFrom + ")");
        Check.that(valueMin == null || valueMax == null || valueMin <= valueMax, "value_max", "must be >= value_min");
    }

    public Instant validFromInstant() {
        return Timestamps.parseSetting("valid_from", validFrom);
    }

    public Instant validUntilInstant() {
        return Timestamps.parseSetting("valid_until", validUntil);
    }
}
