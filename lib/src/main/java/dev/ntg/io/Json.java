package dev.ntg.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.MapperFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** One JSON mapper for the whole pipeline: sorted keys and fixed indentation, so equal content is equal bytes. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .propertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
            .build();
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private Json() {
    }

    /** Pretty JSON text with sorted object keys and a trailing newline. */
    public static String write(Object value) {
        try {
            Object v = value instanceof JsonNode n ? canonical(n) : value;
            return MAPPER.writer(PRETTY).writeValueAsString(v) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    public static void write(Path file, Object value) {
        try {
            Files.writeString(file, write(value), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes beside the target and renames over it, so a reader never sees a half-written file. */
    public static void writeAtomically(Path file, Object value) {
        FileTrees.writeAtomically(file, write(value).getBytes(StandardCharsets.UTF_8));
    }

    public static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JSON " + file, e);
        }
    }

    /** SHA-256 of the canonical (sorted, compact) JSON form. */
    public static String sha256(JsonNode node) {
        try {
            return Hashing.sha256(MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(canonical(node)).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A deep copy whose object keys are sorted (ObjectNode keeps insertion order otherwise). */
    public static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            var out = MAPPER.createObjectNode();
            var names = new java.util.TreeSet<String>();
            node.fieldNames().forEachRemaining(names::add);
            for (String n : names) out.set(n, canonical(node.get(n)));
            return out;
        }
        if (node.isArray()) {
            var out = MAPPER.createArrayNode();
            node.forEach(c -> out.add(canonical(c)));
            return out;
        }
        return node;
    }
}
