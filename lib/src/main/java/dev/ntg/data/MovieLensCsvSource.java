package dev.ntg.data;

import dev.ntg.NtgException;
import dev.ntg.io.DuckSession;
import org.duckdb.DuckDBAppender;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * The MovieLens latest / 25M / 32M layout: {@code ratings.csv} (userId, movieId, rating, timestamp) and
 * {@code movies.csv} (movieId, title, genres as a pipe list, titles quoted when they hold commas).
 */
final class MovieLensCsvSource implements EventSource {
    private static final String NO_GENRES = "(no genres listed)";
    private final Path dir;
    private final Function<Path, String> label;

    MovieLensCsvSource(Path dir, Function<Path, String> label) {
        this.dir = dir;
        this.label = label;
    }

    @Override
    public List<Path> files() {
        return Files.exists(dir.resolve("movies.csv")) ? List.of(dir.resolve("ratings.csv"), dir.resolve("movies.csv"))
                : List.of(dir.resolve("ratings.csv"));
    }

    @Override
    public long stageEvents(DuckSession duck) {
        Path ratings = dir.resolve("ratings.csv");
        var layout = new DelimitedEventLoader.Layout(',', '"', true, StandardCharsets.UTF_8,
                List.of("userId", "movieId", "timestamp", "rating"),
                List.of("ratings.csv userId", "ratings.csv movieId", "ratings.csv timestamp", "ratings.csv rating"));
        long n = DelimitedEventLoader.load(duck, ratings, label.apply(ratings), layout);
        RawEvents.viewOverText(duck, DelimitedEventLoader.TABLE, label.apply(ratings), "epoch_seconds");
        return n;
    }

    @Override
    public void stageItems(DuckSession duck) {
        EventSource.createItemMeta(duck);
        Path file = dir.resolve("movies.csv");
        if (!Files.exists(file)) return;
        try (DelimitedReader reader = new DelimitedReader(file, StandardCharsets.UTF_8, ',', '"');
             DuckDBAppender out = duck.appender(ITEM_META)) {
            DelimitedReader.Record header = reader.next();
            if (header == null || header.fields() == null || header.fields().length != 3) {
                throw new NtgException(file + ": expected the header movieId,title,genres");
            }
            for (DelimitedReader.Record r = reader.next(); r != null; r = reader.next()) {
                if (r.error() != null || r.fields().length != 3) {
                    throw new NtgException(file + " line " + r.line() + ": "
                            + (r.error() != null ? r.error() : "expected 3 fields (movieId,title,genres)"));
                }
                String[] f = r.fields();
                out.beginRow().append(f[0].strip()).append(f[1].strip());
                if (f[2].isBlank() || f[2].equals(NO_GENRES)) out.appendNull();
                else out.append(f[2].strip());
                out.endRow();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
