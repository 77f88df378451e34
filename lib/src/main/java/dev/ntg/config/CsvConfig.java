package dev.ntg.config;

import java.nio.charset.Charset;

/**
 * How to read a delimited event file.
 *
 * @param delimiter single character between fields ("\t" for tab)
 * @param quote     quote character for fields that contain the delimiter (RFC 4180); empty for none
 * @param header    whether the first line holds column names
 * @param encoding  character set of the file
 */
public record CsvConfig(String delimiter, String quote, boolean header, String encoding) {
    public CsvConfig {
        Check.that(delimiter != null && delimiter.length() == 1, "delimiter", "must be exactly one character, got '" + delimiter + "'");
        Check.that(quote != null && quote.length() <= 1, "quote", "must be one character or empty, got '" + quote + "'");
        Check.that(!delimiter.equals(quote), "quote", "must differ from the delimiter");
        Check.that(encoding != null && Charset.isSupported(encoding), "encoding", "must be a charset name such as UTF-8 or ISO-8859-1, got '" + encoding + "'");
    }

    public char delimiterChar() {
        return delimiter.charAt(0);
    }

    /** The quote character, or 0 when quoting is off. */
    public char quoteChar() {
        return quote.isEmpty() ? 0 : quote.charAt(0);
    }
}
