package dev.ntg.io;

import dev.ntg.NtgException;
import dev.ntg.config.ProjectConfig;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One in-memory DuckDB database for one stage run, configured from {@code project.*}: thread count, memory
 * limit and a spill directory, and insertion order preserved so that ordered queries write identical files.
 * A fresh {@link Statement} is used per query because the driver closes a statement whose query failed.
 */
public final class DuckSession implements AutoCloseable {
    /** Parquet written by the pipeline: zstd, fixed row-group size, so equal rows give equal bytes. */
    private static final String PARQUET_OPTIONS = "(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)";

    private final DuckDBConnection connection;

    private DuckSession(DuckDBConnection connection) {
        this.connection = connection;
    }

    public static DuckSession open(ProjectConfig project, Path workDir) {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            Connection c = DriverManager.getConnection("jdbc:duckdb:");
            DuckSession s = new DuckSession(c.unwrap(DuckDBConnection.class));
            Path temp = workDir.resolve(project.duckdbTempDir());
            Files.createDirectories(temp);
            s.execute("SET threads = " + project.effectiveThreads());
            s.execute("SET memory_limit = " + Sql.literal(project.duckdbMemoryLimit()));
            s.execute("SET temp_directory = " + Sql.literal(temp));
            s.execute("SET preserve_insertion_order = true");
            s.execute("SET TimeZone = 'UTC'");
            return s;
        } catch (SQLException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot open DuckDB: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An in-memory session with defaults, for tests and notebooks. */
    public static DuckSession inMemory() {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            DuckSession s = new DuckSession(DriverManager.getConnection("jdbc:duckdb:").unwrap(DuckDBConnection.class));
            s.execute("SET preserve_insertion_order = true");
            s.execute("SET TimeZone = 'UTC'");
            return s;
        } catch (SQLException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot open DuckDB: " + e.getMessage(), e);
        }
    }

    public void execute(String sql) {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new SqlFailure(sql, e);
        }
    }

    public long queryLong(String sql) {
        return querySingle(sql, rs -> rs.getLong(1));
    }

    public double queryDouble(String sql) {
        return querySingle(sql, rs -> rs.getDouble(1));
    }

    public String queryString(String sql) {
        return querySingle(sql, rs -> rs.getString(1));
    }

    public <T> T querySingle(String sql, RowMapper<T> mapper) {
        List<T> rows = query(sql, mapper);
        if (rows.size() != 1) throw new IllegalStateException("expected one row, got " + rows.size() + " from: " + sql);
        return rows.get(0);
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper) {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<T> out = new ArrayList<>();
            while (rs.next()) out.add(mapper.map(rs));
            return out;
        } catch (SQLException e) {
            throw new SqlFailure(sql, e);
        }
    }

    /** Streams a result set to a consumer without materialising it. */
    public void forEach(String sql, RowConsumer consumer) {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) consumer.accept(rs);
        } catch (SQLException e) {
            throw new SqlFailure(sql, e);
        }
    }

    /**
     * Writes the rows of a query to a Parquet file. For identical bytes across runs the query must fix the row
     * order: a total ORDER BY, or a scan of a table that was created in order (insertion order is preserved).
     */
    public void copyToParquet(String query, Path target) {
        execute("COPY (" + query + ") TO " + Sql.literal(target) + " " + PARQUET_OPTIONS);
    }

    /**
     * {@link #copyToParquet} on one thread, for files whose rows come from a filtered scan or an appender. A parallel
     * COPY keeps their order, but part-filled chunks then move the row-group boundaries from run to run, so two runs
     * of the same data wrote different bytes (train.parquet and the synthetic events at 25M events). On one thread the
     * row groups are full and in order.
     */
    public void copyToParquetOnOneThread(String query, Path target) {
        long threads = queryLong("SELECT current_setting('threads')");
        execute("SET threads = 1");
        try {
            copyToParquet(query, target);
        } finally {
            execute("SET threads = " + threads);
        }
    }

    /** A SQL expression reading a Parquet file, for use in FROM clauses. */
    public static String parquet(Path file) {
        return "read_parquet(" + Sql.literal(file) + ")";
    }

    public DuckDBAppender appender(String table) {
        try {
            return connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
        } catch (SQLException e) {
            throw new SqlFailure("appender for " + table, e);
        }
    }

    public Connection connection() {
        return connection;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    public interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    /** A failed query: a bug unless the message says otherwise, so it keeps the SQL for the log. */
    public static final class SqlFailure extends NtgException {
        private static final long serialVersionUID = 1L;

        SqlFailure(String sql, SQLException cause) {
            super("DuckDB: " + firstLine(cause.getMessage()) + "\n  in: " + abbreviate(sql), cause);
        }

        private static String firstLine(String s) {
            return s == null ? "" : s.strip();
        }

        private static String abbreviate(String sql) {
            String flat = sql.replaceAll("\\s+", " ").strip();
            return flat.length() > 400 ? flat.substring(0, 400) + " …" : flat;
        }
    }
}
