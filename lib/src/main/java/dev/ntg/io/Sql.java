package dev.ntg.io;

import java.nio.file.Path;

/**
 * Quoting for the only values that ever enter SQL text: file paths, column names and config strings.
 * Everything from a config or a file name goes through here; nothing is concatenated raw.
 */
public final class Sql {
    private Sql() {
    }

    /** A SQL string literal: {@code O'Brien} becomes {@code 'O''Brien'}. */
    public static String literal(String value) {
        if (value.indexOf('\0') >= 0) throw new IllegalArgumentException("NUL character in SQL literal");
        return "'" + value.replace("'", "''") + "'";
    }

    public static String literal(Path path) {
        return literal(path.toAbsolutePath().normalize().toString());
    }

    /** A quoted identifier: {@code my "col"} becomes {@code "my ""col"""}. */
    public static String ident(String name) {
        if (name.indexOf('\0') >= 0) throw new IllegalArgumentException("NUL character in SQL identifier");
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
