package dev.ntg.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.io.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A change of a report's shape bumps its schema version: each schema's structure (everything but titles,
 * descriptions and comments) is pinned together with its {@code schema_version}. Changing the structure without
 * changing the version fails here; after bumping the version, update the pin to the hash the failure prints.
 */
@DisplayName("a report's shape and its schema_version change together")
class SchemaVersionTest {
    @ParameterizedTest(name = "{0} v{1}")
    @CsvSource({
            "feature_manifest.schema.json, 1, PIN",
            "graph_diagnostics.schema.json, 1, PIN",
            "taste_diagnostics.schema.json, 1, PIN",
            "ranking.schema.json, 2, PIN",
            "churn_report.schema.json, 1, PIN",
            "decisions_report.schema.json, 1, PIN",
            "run_summary.schema.json, 1, PIN"})
    void pinned(String schema, String version, String structureHash) throws Exception {
        JsonNode doc;
        try (InputStream in = SchemaVersionTest.class.getResourceAsStream("/schemas/" + schema)) {
            assertNotNull(in, schema + " is missing");
            doc = Json.MAPPER.readTree(in);
        }
        String actualVersion = doc.path("properties").path("schema_version").path("const").asText();
        String actualHash = Json.sha256(structure(doc));
        assertEquals(version, actualVersion, schema + ": schema_version changed; update this pin to version " + actualVersion
                + " and structure hash " + actualHash);
        assertEquals(structureHash, actualHash, schema + " changed shape but still says schema_version " + actualVersion
                + ": bump the version (the const in the schema and what the producer writes), then pin " + actualHash + " here");
    }

    /** The schema without the prose that does not change a document's shape. */
    static JsonNode structure(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy, false);
        return copy;
    }

    /** Removes prose keywords; under {@code properties} the keys are property names (a report may have a "title"), so they stay. */
    private static void strip(JsonNode node, boolean propertyNames) {
        if (node instanceof ObjectNode o) {
            if (!propertyNames) {
                o.remove("title");
                o.remove("description");
                o.remove("$comment");
            }
            o.fields().forEachRemaining(e -> strip(e.getValue(), !propertyNames && (e.getKey().equals("properties")
                    || e.getKey().equals("$defs") || e.getKey().equals("patternProperties"))));
        } else {
            node.forEach(c -> strip(c, false));
        }
    }
}
