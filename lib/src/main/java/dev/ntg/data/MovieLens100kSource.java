package dev.ntg.data;

import dev.ntg.NtgException;
import dev.ntg.io.DuckSession;
import org.duckdb.DuckDBAppender;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The MovieLens 100K folder: {@code u.data} (user, item, rating, epoch seconds; tab-separated), {@code u.item}
 * (pipe-separated, Latin-1: id, title, dates, URL, 19 genre flags) and {@code u.genre} (genre names).
 */
final class MovieLens100kSource implements EventSource {
    private static final Charset LATIN1 = StandardCharsets.ISO_8859_1;
    private static final int FIRST_GENRE_FIELD = 5;
    private final Path dir;
    private final Function<Path, String> label;

    MovieLens100kSource(Path dir, Function<Path, String> label) {
        this.dir = dir;
        this.label = label;
    }

    @Override
    public List<Path> files() {
        return List.of(dir.resolve("u.data"), dir.resolve("u.item"), dir.resolve("u.genre"));
    }

    @Override
    public long stageEvents(DuckSession duck) {
        var layout = new DelimitedEventLoader.Layout('\t', (char) 0, false, LATIN1,
                List.of("column1", "column2", "column4", "column3"),
                List.of("u.data user", "u.data item", "u.data timestamp", "u.data rating"));
        long n = DelimitedEventLoader.load(duck, dir.resolve("u.data"), label.apply(dir.resolve("u.data")), layout);
        RawEvents.viewOverText(duck, DelimitedEventLoader.TABLE, label.apply(dir.resolve("u.data")), "epoch_seconds");
        return n;
    }

    @Override
    public void stageItems(DuckSession duck) {
        EventSource.createItemMeta(duck);
        List<String> genres = genreNames();
        Path file = dir.resolve("u.item");
        try (DelimitedReader reader = new DelimitedReader(file, LATIN1, '|', (char) 0);
             DuckDBAppender out = duck.appender(ITEM_META)) {
            for (DelimitedReader.Record r = reader.next(); r != null; r = reader.next()) {
                String[] f = r.fields();
                if (f.length != FIRST_GENRE_FIELD + genres.size()) {
                    throw new NtgException(file + " line " + r.line() + ": expected " + (FIRST_GENRE_FIELD + genres.size())
                            + " fields (id, title, dates, URL and one flag per genre in u.genre), got " + f.length);
                }
                List<String> itemGenres = new ArrayList<>();
                for (int g = 0; g < genres.size(); g++) {
                    if (f[FIRST_GENRE_FIELD + g].strip().equals("1")) itemGenres.add(genres.get(g));
                }
                out.beginRow().append(f[0].strip()).append(f[1].strip());
                if (itemGenres.isEmpty()) out.appendNull();
                else out.append(String.join("|", itemGenres));
                out.endRow();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Genre names in flag order (u.genre lines are name|index). */
    private List<String> genreNames() {
        Path file = dir.resolve("u.genre");
        List<String> names = new ArrayList<>();
        try (DelimitedReader reader = new DelimitedReader(file, LATIN1, '|', (char) 0)) {
            for (DelimitedReader.Record r = reader.next(); r != null; r = reader.next()) {
                if (r.fields().length != 2) throw new NtgException(file + " line " + r.line() + ": expected name|index");
                names.add(r.fields()[0].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return names;
    }
}
