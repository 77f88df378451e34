package dev.ntg.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Validates JSON documents the pipeline writes against the JSON Schemas (draft 2020-12) shipped in the lib. */
public final class SchemaValidator {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private SchemaValidator() {
    }

    /**
     * @param schemaResource classpath resource, e.g. {@code schemas/graph_diagnostics.schema.json}
     * @throws IllegalStateException listing every violation when the document does not conform
     */
    public static void validate(JsonNode doc, String schemaResource) {
        List<Error> errors = schema(schemaResource).validate(doc);
        if (!errors.isEmpty()) {
            throw new IllegalStateException(schemaResource + ": document does not conform (" + errors.size() + " violation"
                    + (errors.size() == 1 ? "" : "s") + "):\n  " + errors.stream().map(Error::toString).collect(Collectors.joining("\n  ")));
        }
    }

    private static Schema schema(String resource) {
        return CACHE.computeIfAbsent(resource, r -> {
            String path = r.startsWith("/") ? r : "/" + r;
            try (InputStream in = SchemaValidator.class.getResourceAsStream(path)) {
                if (in == null) throw new IllegalStateException("schema " + r + " is missing from the lib's classpath");
                return REGISTRY.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
