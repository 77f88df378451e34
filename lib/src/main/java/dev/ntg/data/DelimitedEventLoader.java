package dev.ntg.data;

import dev.ntg.NtgException;
import dev.ntg.io.DuckSession;
import org.duckdb.DuckDBAppender;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a delimited event file record by record into DuckDB (through the appender) as text fields with their
 * line numbers; records with the wrong number of fields or broken quoting go to the structural rejects.
 * Parsing of values is left to SQL in {@link EventValidator}, so every failure is a row with a reason.
 */
final class DelimitedEventLoader {
    static final String TABLE = "raw_text_events";

    /**
     * The delimited dialect and the columns to pick.
     *
     * @param columns source column names for user, item, timestamp and value (value may be null); without a
     *                header the names are column1, column2, … (1-based positions)
     * @param keys    the config keys that named each column, for error messages
     */
    record Layout(char delimiter, char quote, boolean header, Charset charset, List<String> columns, List<String> keys) {
    }

    private DelimitedEventLoader() {
    }

    /** Loads the file (named {@code label} in the rejects); returns the number of records read (good and structurally bad). */
    static long load(DuckSession duck, Path file, String label, Layout layout) {
        duck.execute("CREATE OR REPLACE TABLE " + TABLE + " (line BIGINT, raw VARCHAR, user_raw VARCHAR, item_raw VARCHAR, "
                + "ts_raw VARCHAR, value_raw VARCHAR)");
        RawEvents.createRejectTable(duck);
        long records = 0;
        try (DelimitedReader reader = new DelimitedReader(file, layout.charset(), layout.delimiter(), layout.quote());
             DuckDBAppender rows = duck.appender(TABLE);
             DuckDBAppender rejects = duck.appender(RawEvents.STRUCTURAL_REJECTS)) {
            DelimitedReader.Record first = reader.next();
            if (first == null) throw new NtgException(file + ": the file is empty; expected event rows");
            if (first.error() != null) throw new NtgException(file + " line " + first.line() + ": " + first.error());
            int width = first.fields().length;
            int[] pick = columnIndexes(file, layout, first.fields());
            DelimitedReader.Record r = layout.header() ? reader.next() : first;
            for (; r != null; r = reader.next()) {
                records++;
                String reason = r.error() != null ? r.error()
                        : r.fields().length != width ? "wrong number of fields: expected " + width + ", got " + r.fields().length
                        : null;
                if (reason != null) {
                    rejects.beginRow().append(label).append(r.line()).append(r.raw()).append(reason).endRow();
                    continue;
                }
                String[] f = r.fields();
                rows.beginRow().append(r.line()).append(r.raw()).append(f[pick[0]]).append(f[pick[1]]).append(f[pick[2]]);
                if (pick[3] < 0) rows.appendNull();
                else rows.append(f[pick[3]]);
                rows.endRow();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB appender failed on " + file + ": " + e.getMessage(), e);
        }
        if (records == 0) throw new NtgException(file + ": no event rows (the file has only a header)");
        return records;
    }

    private static int[] columnIndexes(Path file, Layout layout, String[] first) {
        String[] names = layout.header() ? trimmed(first) : positional(first.length);
        int[] out = new int[4];
        for (int c = 0; c < 4; c++) {
            String wanted = layout.columns().get(c);
            if (wanted == null) {
                out[c] = -1;
                continue;
            }
            out[c] = Arrays.asList(names).indexOf(wanted);
            if (out[c] < 0) {
                throw new NtgException(file + ": column '" + wanted + "' (" + layout.keys().get(c) + ") not found; "
                        + (layout.header() ? "the header has: " + String.join(", ", names)
                        : "without a header, columns are named column1 … column" + names.length)
                        + ". Set " + layout.keys().get(c) + " to one of them.");
            }
        }
        return out;
    }

    private static String[] trimmed(String[] header) {
        String[] out = new String[header.length];
        for (int i = 0; i < header.length; i++) out[i] = header[i].strip();
        return out;
    }

    private static String[] positional(int n) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) out[i] = "column" + (i + 1);
        return out;
    }
}
