package dev.ntg.report;

import dev.ntg.io.DuckSession;
import tech.tablesaw.api.Table;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A DuckDB query as a Tablesaw table. Tablesaw's JDBC reader knows neither HUGEINT (what {@code sum(INT)} and
 * {@code count(*)} arithmetic return) nor DuckDB's unsigned and DECIMAL types reliably, so the query is described
 * first and such columns are cast to BIGINT or DOUBLE; TIMESTAMP arrives as an INSTANT column, DATE as LOCAL_DATE.
 */
public final class DuckTables {
    private DuckTables() {
    }

    /** Runs {@code sql} and returns its rows as a table called {@code name}. */
    public static Table query(DuckSession duck, String sql, String name) {
        String typed = withReadableTypes(duck, sql);
        try (Statement st = duck.connection().createStatement(); ResultSet rs = st.executeQuery(typed)) {
            return Table.read().db(rs, name);
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB: " + e.getMessage() + "\n  in: " + typed, e);
        }
    }

    /** The query wrapped so that every column has a type Tablesaw reads. */
    static String withReadableTypes(DuckSession duck, String sql) {
        List<String[]> columns = duck.query("DESCRIBE " + sql, rs -> new String[]{rs.getString("column_name"), rs.getString("column_type")});
        boolean needsCast = columns.stream().anyMatch(c -> !c[1].equals(readableType(c[1])));
        if (!needsCast) return sql;
        String select = columns.stream().map(c -> {
            String quoted = '"' + c[0].replace("\"", "\"\"") + '"';
            String target = readableType(c[1]);
            return target.equals(c[1]) ? quoted : "CAST(" + quoted + " AS " + target + ") AS " + quoted;
        }).collect(Collectors.joining(", "));
        return "SELECT " + select + " FROM (" + sql + ") AS q";
    }

    /** The DuckDB type a column of {@code type} is cast to before Tablesaw reads it (itself if none is needed). */
    static String readableType(String type) {
        String t = type.toUpperCase(Locale.ROOT);
        if (t.equals("HUGEINT") || t.equals("UHUGEINT") || t.equals("UBIGINT")) return "BIGINT";
        if (t.equals("UINTEGER")) return "BIGINT";
        if (t.equals("USMALLINT") || t.equals("UTINYINT") || t.equals("TINYINT")) return "INTEGER";
        if (t.startsWith("DECIMAL") || t.equals("FLOAT")) return "DOUBLE";
        if (t.equals("TIMESTAMP WITH TIME ZONE") || t.startsWith("TIMESTAMP_") ) return "TIMESTAMP";
        return type;
    }
}
