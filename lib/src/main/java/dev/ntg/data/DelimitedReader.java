package dev.ntg.data;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams records from a delimited text file with RFC 4180 quoting, keeping the line number and raw text of
 * every record so that a bad one can be quarantined with its exact location. A quoted field may span lines.
 * Blank lines are skipped (but counted, so line numbers stay true to the file).
 */
final class DelimitedReader implements Closeable {
    /**
     * One record.
     *
     * @param line   1-based line number where the record starts
     * @param raw    the record's text as in the file (lines joined with \n)
     * @param fields parsed fields, or null when {@code error} is set
     * @param error  why the record could not be parsed, or null
     */
    record Record(long line, String raw, String[] fields, String error) {
    }

    private final BufferedReader in;
    private final char delimiter;
    private final char quote;
    private long lineNo;

    /** @param quote the quote character, or 0 for none */
    DelimitedReader(Path file, Charset charset, char delimiter, char quote) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        this.in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder), 1 << 16);
        this.delimiter = delimiter;
        this.quote = quote;
    }

    /** The next non-blank record, or null at end of file. */
    Record next() {
        String line = readLine();
        while (line != null && line.isBlank()) line = readLine();
        if (line == null) return null;
        long start = lineNo;
        if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') line = line.substring(1);
        if (quote == 0 || line.indexOf(quote) < 0) return new Record(start, line, split(line), null);
        return parseQuoted(start, line);
    }

    private String[] split(String line) {
        List<String> out = new ArrayList<>(8);
        int from = 0;
        for (int i = line.indexOf(delimiter); i >= 0; i = line.indexOf(delimiter, from)) {
            out.add(line.substring(from, i));
            from = i + 1;
        }
        out.add(line.substring(from));
        return out.toArray(new String[0]);
    }

    private Record parseQuoted(long start, String firstLine) {
        StringBuilder raw = new StringBuilder(firstLine);
        List<String> fields = new ArrayList<>(8);
        StringBuilder field = new StringBuilder();
        String text = firstLine;
        int i = 0;
        boolean fieldStart = true;
        while (true) {
            if (i >= text.length()) {
                fields.add(field.toString());
                return new Record(start, raw.toString(), fields.toArray(new String[0]), null);
            }
            char c = text.charAt(i);
            if (fieldStart && c == quote) {
                i++;
                // inside quotes: until a lone quote; "" is a literal quote; line ends continue the field
                while (true) {
                    if (i >= text.length()) {
                        String more = readLine();
                        if (more == null) {
                            return new Record(start, raw.toString(), null, "unterminated quoted field");
                        }
                        raw.append('\n').append(more);
                        field.append('\n');
                        text = more;
                        i = 0;
                        continue;
                    }
                    char d = text.charAt(i);
                    if (d == quote) {
                        if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                            field.append(quote);
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.append(d);
                    i++;
                }
                if (i < text.length() && text.charAt(i) != delimiter) {
                    return new Record(start, raw.toString(), null, "unexpected character after closing quote at column " + (i + 1));
                }
                fieldStart = false;
                continue;
            }
            if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                i++;
                if (i == text.length()) {
                    fields.add("");
                    return new Record(start, raw.toString(), fields.toArray(new String[0]), null);
                }
                continue;
            }
            field.append(c);
            fieldStart = false;
            i++;
        }
    }

    private String readLine() {
        try {
            String l = in.readLine();
            if (l != null) lineNo++;
            return l;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
