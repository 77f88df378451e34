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
            "feature_manifest.schema.json, 1, 65d26bccc501773abc85b214859238b0b7d40bd40e577af43fbc08a4a782ac16",
            "graph_diagnostics.schema.json, 1, 3e9589f104ac94d568d8d328b94ec16ca61394be6a0d120ea13f222602a11dab",
            "taste_diagnostics.schema.json, 1, 172e4d8c628b49448967014130d8a6cbf86e6091c047de05736c39759c334053",
            "ranking.schema.json, 2, 7d4cb4a6e8bc8d44fa5ee94b7e8591628d29c40ce576bdd561e4a898e8355980",
            "churn_report.schema.json, 1, f8fcd8f6a1fec6fb1d47fd9835a1492c5f0cca3985ba6dbae972078349182639",
            "decisions_report.schema.json, 1, 08d64553b95fe49ac7cda0bd99d303b7d9151f464016d567d142b519a5dba145",
            "run_summary.schema.json, 1, 3dda96e23a6b8f55d2bee554ee713b923b7a50f2614cbc977c2a42c46b422d0a",
            "leakage_check.schema.json, 1, 09e659e8dfe465e1da8d4269841fa1e480bc4772616411596e830c9e9bfa87f0",
            "bench.schema.json, 2, 9b19b54695917f394f3d4f20f4633fae7f31a339a0964ac1940699c6bf76f78a"})
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
