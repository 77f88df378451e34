package dev.ntg.report;

import dev.ntg.io.DuckSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("DuckTables: DuckDB query results as Tablesaw tables")
class DuckTablesTest {
    @Test
    @DisplayName("HUGEINT sums arrive as LONG, DECIMAL as DOUBLE, TIMESTAMP as INSTANT, DATE as LOCAL_DATE")
    void typesTablesawCannotRead() {
        try (DuckSession duck = DuckSession.inMemory()) {
            Table t = DuckTables.query(duck, "SELECT sum(x) AS total, CAST(1.25 AS DECIMAL(5,2)) AS d, "
                    + "TIMESTAMP '2023-01-02 03:04:05' AS ts, DATE '2023-01-02' AS day FROM (VALUES (1), (2), (40)) AS v(x)", "t");
            assertEquals(ColumnType.LONG, t.column("total").type());
            assertEquals(43L, t.longColumn("total").get(0));
            assertEquals(ColumnType.DOUBLE, t.column("d").type());
            assertEquals(1.25, t.doubleColumn("d").get(0), 1e-12);
            assertEquals(ColumnType.INSTANT, t.column("ts").type());
            assertEquals(Instant.parse("2023-01-02T03:04:05Z"), t.instantColumn("ts").get(0));
            assertEquals(LocalDate.of(2023, 1, 2), t.dateColumn("day").get(0));
            assertEquals("t", t.name());
        }
    }

    @Test
    @DisplayName("a query with only readable types runs unchanged, and quoted column names survive the cast")
    void unchangedAndQuoted() {
        try (DuckSession duck = DuckSession.inMemory()) {
            String plain = "SELECT 1::BIGINT AS a, 'x' AS b";
            assertEquals(plain, DuckTables.withReadableTypes(duck, plain));
            Table t = DuckTables.query(duck, "SELECT sum(1) AS \"odd \"\"name\"\"\"", "q");
            assertEquals(1L, t.longColumn("odd \"name\"").get(0));
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "HUGEINT|BIGINT", "UBIGINT|BIGINT", "UINTEGER|BIGINT", "DECIMAL(18,3)|DOUBLE", "FLOAT|DOUBLE",
            "TIMESTAMP WITH TIME ZONE|TIMESTAMP", "TIMESTAMP_NS|TIMESTAMP", "BIGINT|BIGINT", "VARCHAR|VARCHAR", "TIMESTAMP|TIMESTAMP"})
    @DisplayName("the cast each DuckDB type gets")
    void readableType(String duckType, String expected) {
        assertEquals(expected, DuckTables.readableType(duckType));
    }
}
