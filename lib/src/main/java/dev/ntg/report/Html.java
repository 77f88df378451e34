package dev.ntg.report;

/**
 * A small HTML builder: every piece of text goes through {@link #escape(String)}, so a report string (an axis label
 * made of item titles, a config value) can never inject markup.
 */
final class Html {
    private final StringBuilder out = new StringBuilder();

    /** Escapes the five characters that matter in element content and quoted attributes. */
    static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Markup written as is: only for constant strings of this package. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    Html text(String s) {
        out.append(escape(s));
        return this;
    }

    /** {@code <tag>text</tag>} with the text escaped. */
    Html element(String tag, String text) {
        out.append('<').append(tag).append('>').append(escape(text)).append("</").append(tag).append('>');
        return this;
    }

    Html open(String tag) {
        out.append('<').append(tag).append('>');
        return this;
    }

    Html open(String tag, String cssClass) {
        out.append('<').append(tag).append(" class=\"").append(escape(cssClass)).append("\">");
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append(">\n");
        return this;
    }

    /** A table row of escaped cells; {@code header} makes them {@code th}. */
    Html row(boolean header, String... cells) {
        out.append("<tr>");
        String tag = header ? "th" : "td";
        for (String c : cells) out.append('<').append(tag).append('>').append(escape(c)).append("</").append(tag).append('>');
        out.append("</tr>\n");
        return this;
    }

    /** An image from bytes already in memory, as a data URI, so the page needs no other file. */
    Html image(String mime, byte[] bytes, String alt) {
        out.append("<img src=\"data:").append(mime).append(";base64,").append(java.util.Base64.getEncoder().encodeToString(bytes))
                .append("\" alt=\"").append(escape(alt)).append("\">");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
