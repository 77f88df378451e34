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

@DisplayName("run_summary.schema.json")
class RunSummarySchemaTest {
    static final String SHA = "a".repeat(64);

    static ObjectNode valid() throws Exception {
        return Reports.stamp(Json.MAPPER.readTree("""
                {"schema_version": "2", "report": "run_summary",
                 "reports": [{"name": "ranking_report", "path": "outputs/reports/ranking.json", "sha256": "%1$s",
                   "schema": "ranking.schema.json", "published_schema": "reports/schemas/ranking.schema.json", "schema_version": "1",
                   "producer": "rank", "producer_config_hash": "%1$s", "producer_git_commit": "unknown", "run_id": "0123456789abcdef",
                   "data_fingerprint": "%1$s"}],
                 "stages": [{"stage": "rank", "manifest": "outputs/ranking/_manifest.json", "config_hash": "x", "git_commit": "abc",
                   "lib_fingerprint": "f", "outputs": ["outputs/reports/ranking.json"]}],
                 "headlines": [{"key": "k", "label": "l", "estimate": 0.5, "lower": null, "upper": null, "unit": "0–1",
                   "sentence": "s", "source": "outputs/reports/ranking.json"}],
                 "leakage_checks": [{"check": "c", "passed": true, "detail": "d"}],
                 "figures": [{"name": "ranking_models", "path": "reports/figures/ranking_models.png", "title": "t", "caption": "c"}],
                 "html_report": "reports/index.html"}
                """.formatted(SHA)), SampleProvenance.of());
    }

    @Test
    @DisplayName("a valid summary has no violations")
    void valid_() throws Exception {
        assertEquals(List.of(), SchemaValidator.of(EvaluateStage.RUN_SUMMARY_SCHEMA).violations(valid()));
    }

    @Test
    @DisplayName("a summary without provenance, with a bad producer hash and a wall-clock field is rejected")
    void invalid() throws Exception {
        ObjectNode doc = valid();
        doc.remove("provenance");
        ((ObjectNode) doc.get("reports").get(0)).put("producer_config_hash", "not-a-hash");
        doc.put("finished_at", "2026-01-01T00:00:00Z");
        List<String> v = SchemaValidator.of(EvaluateStage.RUN_SUMMARY_SCHEMA).violations(doc);
        assertEquals(3, v.size(), v.toString());
        NtgException e = assertThrows(NtgException.class, () -> SchemaValidator.of(EvaluateStage.RUN_SUMMARY_SCHEMA).check(doc, "summary"));
        assertTrue(e.getMessage().contains("run_summary.schema.json"));
    }

    @Test
    @DisplayName("every schema the evaluate stage publishes is on the classpath and parses")
    void schemasShip() {
        for (String s : EvaluateStage.SCHEMAS) assertNotNull(SchemaValidator.of(s));
        JsonNode n = Json.MAPPER.createObjectNode();
        assertFalse(SchemaValidator.of(EvaluateStage.RUN_SUMMARY_SCHEMA).violations(n).isEmpty());
    }
}
