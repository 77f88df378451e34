package dev.ntg.data;

import dev.ntg.io.DuckSession;
import dev.ntg.io.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("TimestampParser")
class TimestampParserTest {
    static DuckSession duck;

    @BeforeAll
    static void open() {
        duck = DuckSession.inMemory();
    }

    @AfterAll
    static void close() {
        duck.close();
    }

    // Expected instants computed by hand: 1700000000 s after the epoch is 2023-11-14 22:13:20 UTC.
    @ParameterizedTest(name = "{0} ''{1}'' → {2}")
    @CsvSource(delimiter = ';', nullValues = "NULL", value = {
            "auto;1700000000;2023-11-14 22:13:20",
            "auto;1700000000.5;2023-11-14 22:13:20.5",
            "auto;2023-11-14T22:13:20Z;2023-11-14 22:13:20",
            "auto;2023-11-14T23:13:20+01:00;2023-11-14 22:13:20",
            "auto;2023-11-14 22:13:20;2023-11-14 22:13:20",
            "auto;  1700000000 ;2023-11-14 22:13:20",
            "auto;yesterday;NULL",
            "auto;99999999999999999999;NULL",
            "epoch_seconds;1700000000;2023-11-14 22:13:20",
            "epoch_seconds;2023-11-14;NULL",
            "epoch_millis;1700000000123;2023-11-14 22:13:20.123",
            "iso;2023-11-14;2023-11-14 00:00:00",
            "iso;1700000000;NULL",
            "%d/%m/%Y %H:%M;14/11/2023 22:13;2023-11-14 22:13:00",
            "%d/%m/%Y %H:%M;2023-11-14;NULL",
    })
    void parses(String format, String text, String expected) {
        String got = duck.queryString("SELECT CAST(" + TimestampParser.fromText(format, Sql.literal(text)) + " AS VARCHAR)");
        assertEquals(expected, got);
    }
}
