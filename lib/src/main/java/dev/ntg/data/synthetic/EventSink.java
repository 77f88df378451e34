package dev.ntg.data.synthetic;

import dev.ntg.io.DuckSession;
import dev.ntg.io.Sql;
import org.duckdb.DuckDBAppender;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams plays into a DuckDB table through the appender. Blocks arrive in user order and each user's plays
 * in (ts, item, value) order, so insertion order is the output order and no sort is needed. When the table
 * passes {@code partRows} it is written to a Parquet part and emptied, which bounds DuckDB's memory at any
 * scale; the final file is one COPY over the parts in order (DuckDB preserves insertion order), so it is
 * the same bytes whether or not parts were used.
 */
final class EventSink implements AutoCloseable {
    private static final String TABLE = "synthetic_events";

    private final DuckSession duck;
    private final Path partDir;
    private final long partRows;
    private final List<Path> parts = new ArrayList<>();
    private DuckDBAppender appender;
    private long rowsInTable;
    private long rows;

    EventSink(DuckSession duck, Path partDir, long partRows) {
        this.duck = duck;
        this.partDir = partDir;
        this.partRows = partRows;
        openTable();
    }

    private void openTable() {
        duck.execute("CREATE OR REPLACE TABLE " + TABLE + " (user_id BIGINT, item_id BIGINT, ts TIMESTAMP, value DOUBLE)");
        appender = duck.appender(TABLE);
        rowsInTable = 0;
    }

    void append(EventBlock b) throws SQLException {
        for (int i = 0; i < b.size; i++) {
            appender.beginRow()
                    .append(b.user[i] + 1L)
                    .append(b.item[i] + 1L)
                    .appendEpochMicros(b.epochSecond[i] * 1_000_000L)
                    .append(b.halfSteps[i] * 0.5)
                    .endRow();
        }
        rowsInTable += b.size;
        rows += b.size;
        if (rowsInTable >= partRows) flushPart();
    }

    private void flushPart() throws SQLException {
        appender.close();
        try {
            Files.createDirectories(partDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path part = partDir.resolve(String.format("part-%05d.parquet", parts.size()));
        duck.copyToParquetOnOneThread("SELECT * FROM " + TABLE, part);
        parts.add(part);
        openTable();
    }

    /** Writes the single events file and removes the parts; returns the number of rows written. */
    long finish(Path target) throws SQLException {
        if (parts.isEmpty()) {
            appender.close();
            duck.copyToParquetOnOneThread("SELECT * FROM " + TABLE, target);
        } else {
            if (rowsInTable > 0) flushPart();
            else appender.close();
            List<String> files = parts.stream().map(Sql::literal).toList();
            duck.copyToParquetOnOneThread("SELECT * FROM read_parquet([" + String.join(", ", files) + "])", target);
        }
        duck.execute("DROP TABLE " + TABLE);
        return rows;
    }

    @Override
    public void close() {
        try {
            if (appender != null && !appender.isClosed()) appender.close();
        } catch (SQLException ignored) {
            // the table is dropped with the session
        }
        for (Path p : parts) p.toFile().delete();
        partDir.toFile().delete();
    }
}
