package dev.ntg.data;

import dev.ntg.config.DatasetConfig;
import dev.ntg.io.DuckSession;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** A generic delimited event log with a configurable dialect and column mapping. */
final class CsvEventSource implements EventSource {
    private static final List<String> KEYS = List.of("dataset.columns.user", "dataset.columns.item",
            "dataset.columns.timestamp", "dataset.columns.value");
    private final Path file;
    private final DatasetConfig config;
    private final Function<Path, String> label;

    CsvEventSource(Path file, DatasetConfig config, Function<Path, String> label) {
        this.file = file;
        this.config = config;
        this.label = label;
    }

    @Override
    public List<Path> files() {
        return List.of(file);
    }

    @Override
    public long stageEvents(DuckSession duck) {
        var c = config.columns();
        var csv = config.csv();
        var layout = new DelimitedEventLoader.Layout(csv.delimiterChar(), csv.quoteChar(), csv.header(),
                Charset.forName(csv.encoding()), Arrays.asList(c.user(), c.item(), c.timestamp(), c.value()), KEYS);
        long n = DelimitedEventLoader.load(duck, file, label.apply(file), layout);
        RawEvents.viewOverText(duck, DelimitedEventLoader.TABLE, label.apply(file), config.timestampFormat());
        return n;
    }
}
