package dev.ntg.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.NtgException;
import dev.ntg.io.Json;
import dev.ntg.testing.SampleProvenance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("SchemaValidator against the feature manifest schema")
class SchemaValidatorTest {
    static JsonNode validManifest() throws Exception {
        return Reports.stamp(Json.MAPPER.readTree("""
                {"schema_version": 2, "stage": "build-features", "as_of": "2024-03-01T00:00:00Z", "leakage_rule": "TRAIN only",
                 "config": {"half_life_days": 30.0},
                 "tables": [{"name": "users", "path": "data/features/users.parquet", "grain": "one row per user",
                   "key": ["user_id"], "rows": 2,
                   "columns": [{"name": "user_id", "type": "VARCHAR", "description": "user", "unit": "id", "source": "train events",
                     "window": "all", "null_policy": "never null",
                     "stats": {"count": 2, "nulls": 0, "min": "u1", "max": "u2", "mean": null}}]}]}
                """), SampleProvenance.of());
    }

    @Test
    @DisplayName("a valid document has no violations")
    void valid() throws Exception {
        SchemaValidator v = SchemaValidator.of("feature_manifest.schema.json");
        assertEquals(List.of(), v.violations(validManifest()));
        assertDoesNotThrow(() -> v.check(validManifest(), "manifest"));
    }

    @Test
    @DisplayName("an invalid document is rejected with every violation and its location")
    void invalid() throws Exception {
        ObjectNode doc = (ObjectNode) validManifest();
        doc.remove("as_of");
        ((ObjectNode) doc.get("tables").get(0)).put("rows", -1);
        NtgException e = assertThrows(NtgException.class, () -> SchemaValidator.of("feature_manifest.schema.json").check(doc, "manifest"));
        assertTrue(e.getMessage().startsWith("manifest does not match schema feature_manifest.schema.json (2 violations)"), e.getMessage());
        assertTrue(e.getMessage().contains("as_of"), e.getMessage());
        assertTrue(e.getMessage().contains("/tables/0/rows"), e.getMessage());
    }

    @Test
    @DisplayName("a schema missing from the classpath is a clear error")
    void missingSchema() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SchemaValidator.of("nope.schema.json"));
        assertTrue(e.getMessage().contains("/schemas/nope.schema.json"));
    }
}
