package dev.ntg.data;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@DisplayName("DelimitedReader")
class DelimitedReaderTest {
    @TempDir
    Path dir;

    private DelimitedReader reader(String text, char quote) throws Exception {
        Path f = Files.writeString(dir.resolve("f.csv"), text, StandardCharsets.UTF_8);
        return new DelimitedReader(f, StandardCharsets.UTF_8, ',', quote);
    }

    @Test
    @DisplayName("splits plain fields, keeps empty ones, and counts blank lines in line numbers")
    void plain() throws Exception {
        try (DelimitedReader r = reader("a,b,,d\n\n\nx,,\n", '"')) {
            DelimitedReader.Record first = r.next();
            assertArrayEquals(new String[]{"a", "b", "", "d"}, first.fields());
            assertEquals(1, first.line());
            DelimitedReader.Record second = r.next();
            assertArrayEquals(new String[]{"x", "", ""}, second.fields());
            assertEquals(4, second.line());
            assertNull(r.next());
        }
    }

    @Test
    @DisplayName("reads RFC 4180 quoting: delimiters, doubled quotes and line breaks inside quotes")
    void quoted() throws Exception {
        try (DelimitedReader r = reader("1,\"a,b\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\n3,end\n", '"')) {
            assertArrayEquals(new String[]{"1", "a,b", "say \"hi\""}, r.next().fields());
            DelimitedReader.Record multi = r.next();
            assertArrayEquals(new String[]{"2", "two\nlines", "z"}, multi.fields());
            assertEquals(2, multi.line());
            assertEquals("2,\"two\nlines\",z", multi.raw());
            DelimitedReader.Record after = r.next();
            assertEquals(4, after.line(), "the record after a two-line record starts on line 4");
        }
    }

    @Test
    @DisplayName("reports broken quoting instead of guessing, and strips a UTF-8 byte-order mark")
    void broken() throws Exception {
        try (DelimitedReader r = reader("\uFEFFh1,h2\n\"ab\"c,d\n\"open,x\n", '"')) {
            assertArrayEquals(new String[]{"h1", "h2"}, r.next().fields());
            DelimitedReader.Record bad = r.next();
            assertNull(bad.fields());
            assertEquals("unexpected character after closing quote at column 5", bad.error());
            DelimitedReader.Record open = r.next();
            assertEquals("unterminated quoted field", open.error());
            assertEquals(3, open.line());
        }
    }

    @Test
    @DisplayName("with quoting off, quotes are ordinary characters")
    void noQuote() throws Exception {
        try (DelimitedReader r = reader("\"a\",b\n", (char) 0)) {
            assertArrayEquals(new String[]{"\"a\"", "b"}, r.next().fields());
        }
    }
}
