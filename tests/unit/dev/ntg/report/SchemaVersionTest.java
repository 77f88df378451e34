package dev.ntg.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.io.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.util.List;

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
            "split_manifest.schema.json, 1, ea5af3faba198b3ef90718c147d29a4c445ca9e1f75e8619573f3dc029b632f8",
            "feature_manifest.schema.json, 2, 2f21edcca8f203dfbdd98c5164df02d2a5acb1ec318876707d5fca1032346c93",
            "graph_diagnostics.schema.json, 2, e74b6c1f7617380d3b4a138ef3d859208d23bd03e214da293e0b3854267ea376",
            "taste_diagnostics.schema.json, 2, 37390168ed3d69b098d55ebe7ae5d46428530f56f854bf9dd0d02cf1b5474773",
            "ranking.schema.json, 3, 597b193312e80c432d9b125cd8e6670b3094d774978500ffa6f7cd0aa6c90ad0",
            "churn_report.schema.json, 2, e7e7af82046526d35559e648c317d14b9d86d4447f0c9f0ac683302fbb7c47cf",
            "decisions_report.schema.json, 2, 942e71d0a2df8574a0d5b34fb0be05e85f464b290fe65e0de83ba698948a77d5",
            "run_summary.schema.json, 2, 6a3459f070556026e775285c3ff8df8cb78bdc29cc2c95365583adeca16c4501",
            "leakage_check.schema.json, 1, 09e659e8dfe465e1da8d4269841fa1e480bc4772616411596e830c9e9bfa87f0",

            "bench.schema.json, 3, 70eb38f652ef676fedbf842746884dcf9bbd0eecd06e9b5486a6168967258b09"})
    void pinned(String schema, String version, String structureHash) throws Exception {
        JsonNode doc = load(schema);
        String actualVersion = doc.path("properties").path("schema_version").path("const").asText();
        String actualHash = Json.sha256(structure(doc));
        assertEquals(version, actualVersion, schema + ": schema_version changed; update this pin to version " + actualVersion
                + " and structure hash " + actualHash);
        assertEquals(structureHash, actualHash, schema + " changed shape but still says schema_version " + actualVersion
                + ": bump the version (the const in the schema and what the producer writes), then pin " + actualHash + " here");
    }

    private static JsonNode load(String schema) throws Exception {
        try (InputStream in = SchemaVersionTest.class.getResourceAsStream("/schemas/" + schema)) {
            assertNotNull(in, schema + " is missing");
            return Json.MAPPER.readTree(in);
        }
    }

    /**
     * The schema without the prose that does not change a document's shape, with each {@code $ref} to another schema file
     * (the provenance block) replaced by that schema: changing the shared block changes the shape of every report.
     */
    static JsonNode structure(JsonNode node) throws Exception {
        JsonNode copy = inline(node.deepCopy());
        strip(copy, false);
        return copy;
    }

    private static JsonNode inline(JsonNode node) throws Exception {
        if (node instanceof ObjectNode o) {
            JsonNode ref = o.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().endsWith(".schema.json")) {
                JsonNode target = load(ref.asText());
                ((ObjectNode) target).remove(List.of("$schema", "$id"));
                o.remove("$ref");
                o.set("$inlined", inline(target));
            }
            for (var it = o.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getKey().equals("$inlined")) e.setValue(inline(e.getValue()));
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) a.set(i, inline(a.get(i)));
        }
        return node;
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
