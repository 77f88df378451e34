package dev.ntg.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.io.Json;
import dev.ntg.report.Reports;
import dev.ntg.report.SchemaValidator;
import dev.ntg.testing.SampleProvenance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

@DisplayName("the provenance block")
class ProvenanceTest {
    // Expected digests computed outside Java:
    //   printf '%s\ndata/processed/splits/train.parquet %s\ndata/processed/splits/split_manifest.json %s' c…c 1…1 2…2 | sha256sum
    //   printf 'data/processed/splits/train.parquet %s\n' 1…1 | sha256sum
    private static final String RUN_ID = "d76f8003aa37ef36";
    private static final String TRAIN_ONLY_FINGERPRINT = "aad841b0182e05bcd739f262e536eef68f988ab5f192a83cf16453b60653fcb7";
    private static final String SHA256_OF_NOTHING = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    @DisplayName("run id digests the config hash and every input; the data fingerprint only the event files")
    void definitions() {
        Provenance p = SampleProvenance.of();
        assertEquals(RUN_ID, p.runId());
        assertEquals(TRAIN_ONLY_FINGERPRINT, p.dataFingerprint());
        assertEquals(List.of(SampleProvenance.TRAIN_PATH), p.dataFiles());
        assertEquals("c".repeat(64), p.configHash());
        assertEquals(List.of(SampleProvenance.TRAIN_PATH, SampleProvenance.SPLIT_MANIFEST_PATH), p.inputs().stream().map(Provenance.Input::path).toList());
    }

    @Test
    @DisplayName("a stage that reads no event file fingerprints nothing, and a changed input hash changes the run id only")
    void noEventData() {
        Provenance base = SampleProvenance.of();
        Provenance p = Provenance.of(base.configHash(), List.of(new StageManifest.FileEntry("train", SampleProvenance.TRAIN_PATH, "1".repeat(64), null),
                new StageManifest.FileEntry("split_manifest", SampleProvenance.SPLIT_MANIFEST_PATH, "3".repeat(64), null)), Set.of(),
                new BuildInfo.Git("unknown", false));
        assertEquals(SHA256_OF_NOTHING, p.dataFingerprint());
        assertNotEquals(base.runId(), p.runId());
    }

    @Test
    @DisplayName("stamped into a report it matches provenance.schema.json, and the report keeps its own fields")
    void stamped() {
        ObjectNode report = Json.MAPPER.createObjectNode().put("schema_version", "1");
        ObjectNode doc = Reports.stamp(report, SampleProvenance.of());
        assertEquals("1", doc.path("schema_version").asText());
        assertEquals(RUN_ID, doc.at("/provenance/run_id").asText());
        assertEquals(List.of(), SchemaValidator.of("provenance.schema.json").violations(doc.get("provenance")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"run_id", "config_hash", "data_fingerprint", "data_files", "inputs", "git_commit", "git_dirty", "lib_version"})
    @DisplayName("provenance.schema.json rejects a block without")
    void missingField(String field) {
        ObjectNode block = (ObjectNode) Json.MAPPER.valueToTree(SampleProvenance.of());
        block.remove(field);
        assertThat(SchemaValidator.of("provenance.schema.json").violations(block)).singleElement().asString().contains(field);
    }

    @Test
    @DisplayName("provenance.schema.json rejects a short run id, a bad input hash and a wall-clock field")
    void malformed() {
        ObjectNode block = (ObjectNode) Json.MAPPER.valueToTree(SampleProvenance.of());
        block.put("run_id", "abc");
        ((ObjectNode) ((ArrayNode) block.get("inputs")).get(0)).put("sha256", "not-a-hash");
        block.put("finished_at", "2026-01-01T00:00:00Z");
        List<String> v = SchemaValidator.of("provenance.schema.json").violations(block);
        assertEquals(3, v.size(), v.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"split_manifest.schema.json", "feature_manifest.schema.json", "graph_diagnostics.schema.json",
            "taste_diagnostics.schema.json", "ranking.schema.json", "churn_report.schema.json", "decisions_report.schema.json",
            "run_summary.schema.json"})
    @DisplayName("every report schema requires the block and refers to provenance.schema.json for it")
    void everyReportRequiresIt(String schema) throws Exception {
        JsonNode doc;
        try (var in = ProvenanceTest.class.getResourceAsStream("/schemas/" + schema)) {
            doc = Json.MAPPER.readTree(in);
        }
        assertEquals("provenance.schema.json", doc.at("/properties/provenance/$ref").asText(), schema);
        JsonNode required = doc.has("required") ? doc.get("required") : doc.at("/anyOf/0/required");
        assertThat(required.toString()).as(schema).contains("\"provenance\"");
    }
}
