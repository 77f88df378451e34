package dev.ntg.data;

import dev.ntg.NtgException;
import dev.ntg.config.ColumnsConfig;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Sql;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An event log in Parquet with a column mapping. Typed columns are used as they are (a TIMESTAMP needs no
 * parsing); the line of a rejected row is its 1-based row number in the file.
 */
final class ParquetEventSource implements EventSource {
    private final Path file;
    private final ColumnsConfig columns;
    private final String timestampFormat;
    private final Path itemsFile;
    private final Function<Path, String> label;

    /** @param itemsFile Parquet with item_id, title, genres, or null */
    ParquetEventSource(Path file, ColumnsConfig columns, String timestampFormat, Path itemsFile, Function<Path, String> label) {
        this.file = file;
        this.columns = columns;
        this.timestampFormat = timestampFormat;
        this.itemsFile = itemsFile;
        this.label = label;
    }

    @Override
    public List<Path> files() {
        return itemsFile == null ? List.of(file) : List.of(file, itemsFile);
    }

    @Override
    public long stageEvents(DuckSession duck) {
        Map<String, String> types = columnTypes(duck);
        String user = column(types, columns.user(), "dataset.columns.user");
        String item = column(types, columns.item(), "dataset.columns.item");
        String ts = column(types, columns.timestamp(), "dataset.columns.timestamp");
        String value = columns.value() == null ? null : column(types, columns.value(), "dataset.columns.value");
        String tsType = types.get(columns.timestamp()).toUpperCase();
        String tsParsed = tsType.startsWith("TIMESTAMP") || tsType.equals("DATE") ? "CAST(" + ts + " AS TIMESTAMP)"
                : tsType.matches("(BIG|SMALL|TINY|U|HUGE)?INT(EGER)?|DOUBLE|FLOAT|REAL|DECIMAL.*|U?BIGINT|U?SMALLINT|U?TINYINT")
                ? TimestampParser.fromNumber(timestampFormat, ts)
                : TimestampParser.fromText(timestampFormat, "CAST(" + ts + " AS VARCHAR)");
        String valueRaw = value == null ? "CAST(NULL AS VARCHAR)" : "CAST(" + value + " AS VARCHAR)";
        String valueParsed = value == null ? "CAST(NULL AS DOUBLE)" : "TRY_CAST(" + value + " AS DOUBLE)";
        String tsGiven = isText(tsType) ? RawEvents.given("CAST(" + ts + " AS VARCHAR)") : ts + " IS NOT NULL";
        String valueGiven = value == null ? "false"
                : isText(types.get(columns.value())) ? RawEvents.given("CAST(" + value + " AS VARCHAR)") : value + " IS NOT NULL";
        duck.execute("CREATE OR REPLACE VIEW " + RawEvents.VIEW + " AS SELECT " + Sql.literal(label.apply(file)) + " AS source_file, "
                + "file_row_number + 1 AS line, "
                + "concat_ws(', ', 'user=' || coalesce(CAST(" + user + " AS VARCHAR), 'NULL'), 'item=' || coalesce(CAST(" + item
                + " AS VARCHAR), 'NULL'), 'ts=' || coalesce(CAST(" + ts + " AS VARCHAR), 'NULL'), 'value=' || coalesce(" + valueRaw
                + ", 'NULL')) AS raw, "
                + "CAST(" + user + " AS VARCHAR) AS user_raw, CAST(" + item + " AS VARCHAR) AS item_raw, "
                + "CAST(" + ts + " AS VARCHAR) AS ts_raw, " + valueRaw + " AS value_raw, "
                + tsParsed + " AS ts, " + valueParsed + " AS value, " + tsGiven + " AS ts_given, " + valueGiven + " AS value_given "
                + "FROM read_parquet(" + Sql.literal(file) + ", file_row_number = true)");
        RawEvents.createRejectTable(duck);
        long n = duck.queryLong("SELECT count(*) FROM " + DuckSession.parquet(file));
        if (n == 0) throw new NtgException(file + ": no event rows");
        return n;
    }

    @Override
    public void stageItems(DuckSession duck) {
        EventSource.createItemMeta(duck);
        if (itemsFile == null) return;
        duck.execute("INSERT INTO " + ITEM_META + " SELECT CAST(item_id AS VARCHAR), CAST(title AS VARCHAR), CAST(genres AS VARCHAR) FROM "
                + DuckSession.parquet(itemsFile));
    }

    /** A Parquet column read as text (whose blanks count as missing), not a typed value. */
    private static boolean isText(String type) {
        String t = type.toUpperCase();
        return t.startsWith("VARCHAR") || t.equals("BLOB") || t.startsWith("ENUM");
    }

    private Map<String, String> columnTypes(DuckSession duck) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            for (String[] row : duck.query("DESCRIBE SELECT * FROM " + DuckSession.parquet(file),
                    rs -> new String[]{rs.getString(1), rs.getString(2)})) {
                out.put(row[0], row[1]);
            }
        } catch (DuckSession.SqlFailure e) {
            throw new NtgException(file + ": not a readable Parquet file (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        return out;
    }

    private String column(Map<String, String> types, String name, String key) {
        if (!types.containsKey(name)) {
            throw new NtgException(file + ": column '" + name + "' (" + key + ") not found; the file has: "
                    + String.join(", ", new ArrayList<>(types.keySet())) + ". Set " + key + " to one of them.");
        }
        return Sql.ident(name);
    }
}
