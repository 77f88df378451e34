package dev.ntg.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ntg.NtgException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a JSON document against a JSON Schema (draft 2020-12) shipped on the classpath under {@code /schemas/}.
 * Every JSON artifact the pipeline publishes goes through here before it is written, so a reader can rely on
 * the schema rather than on the code that produced the file.
 */
public final class SchemaValidator {
    /** Where the schemas' ids live; a {@code $ref} to another NTG schema (the provenance block) is read from the classpath. */
    static final String ID_PREFIX = "https://ntg.dev/schemas/";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemas(iri -> iri.startsWith(ID_PREFIX) ? text(iri.substring(ID_PREFIX.length())) : null));
    private static final Map<String, SchemaValidator> CACHE = new ConcurrentHashMap<>();

    private final String name;
    private final Schema schema;

    private SchemaValidator(String name, Schema schema) {
        this.name = name;
        this.schema = schema;
    }

    /** The validator for {@code /schemas/<name>} on the classpath, e.g. {@code feature_manifest.schema.json}. */
    public static SchemaValidator of(String name) {
        return CACHE.computeIfAbsent(name, SchemaValidator::load);
    }

    private static SchemaValidator load(String name) {
        String resource = "/schemas/" + name;
        try (InputStream in = SchemaValidator.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("schema " + resource + " is missing from the classpath");
            return new SchemaValidator(name, REGISTRY.getSchema(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + resource, e);
        }
    }

    /** The text of {@code /schemas/<name>}, or null when there is no such schema. */
    private static String text(String name) {
        try (InputStream in = SchemaValidator.class.getResourceAsStream("/schemas/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema /schemas/" + name, e);
        }
    }

    /** Each violation as {@code <instance path>: <message>}; empty when the document is valid. */
    public List<String> violations(JsonNode document) {
        return schema.validate(document).stream().map(Object::toString).sorted().toList();
    }

    /** Throws, listing every violation, unless the document is valid; {@code what} names it in the message. */
    public void check(JsonNode document, String what) {
        List<String> v = violations(document);
        if (!v.isEmpty()) {
            throw new NtgException(what + " does not match schema " + name + " (" + v.size() + " violation"
                    + (v.size() == 1 ? "" : "s") + "):\n  " + String.join("\n  ", v));
        }
    }
}
