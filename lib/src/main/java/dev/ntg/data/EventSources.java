package dev.ntg.data;

import dev.ntg.config.ColumnsConfig;
import dev.ntg.config.DatasetConfig;
import dev.ntg.io.PathCatalog;

import java.nio.file.Path;

/** Picks the {@link EventSource} for {@code dataset.source}. */
final class EventSources {
    private EventSources() {
    }

    static EventSource of(DatasetConfig config, PathCatalog catalog) {
        Path path = config.path() == null ? null : catalog.workDir().resolve(config.path());
        return switch (config.source()) {
            case "synthetic" -> new ParquetEventSource(catalog.resolve(PathCatalog.SYNTHETIC_EVENTS),
                    new ColumnsConfig("user_id", "item_id", "ts", "value"), "auto", catalog.resolve(PathCatalog.SYNTHETIC_ITEMS), catalog::label);
            case "csv" -> new CsvEventSource(path, config, catalog::label);
            case "parquet" -> new ParquetEventSource(path, config.columns(), config.timestampFormat(), null, catalog::label);
            case "movielens-100k" -> new MovieLens100kSource(path, catalog::label);
            case "movielens-csv" -> new MovieLensCsvSource(path, catalog::label);
            default -> throw new IllegalArgumentException(config.source());
        };
    }
}
