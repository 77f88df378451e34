package dev.ntg.leakage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.io.Json;
import dev.ntg.report.SchemaValidator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("leakage_check.schema.json")
class LeakageCheckSchemaTest {
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);

    private static LeakageCheckReport.Case rewrite(String name, boolean passed) {
        var fitted = new LeakageCheckReport.ArtifactOutcome("data/features/users.parquet", "build-features", LeakageRole.FITTED, true, !passed);
        var report = new LeakageCheckReport.ArtifactOutcome("outputs/reports/ranking.json", "rank", LeakageRole.EVALUATION, false, true);
        List<String> moved = passed ? List.of("outputs/reports/ranking.json") : List.of("data/features/users.parquet", "outputs/reports/ranking.json");
        return new LeakageCheckReport.Case(name, "data/processed/splits/val.parquet", "rows dropped", 10, 7, A, B,
                "every FITTED artifact keeps its bytes", List.of(fitted, report), moved,
                passed ? List.of() : List.of("data/features/users.parquet"), passed);
    }

    /** A report as {@link TamperCheck} builds it, through the same Jackson mapping the command writes with. */
    private static ObjectNode valid() {
        var report = new LeakageCheckReport("1", "leakage_check", new LeakageCheckReport.SplitHashes(A, A, B),
                List.of(rewrite("rewrite VAL", true), rewrite("rewrite TEST", false), rewrite("move one TRAIN event", true)), false);
        return (ObjectNode) Json.MAPPER.valueToTree(report);
    }

    @Test
    @DisplayName("the report record serialises to a valid document")
    void validDocument() {
        JsonNode doc = valid();
        assertEquals(List.of(), SchemaValidator.of(LeakageCheckReport.SCHEMA).violations(doc));
        assertEquals("FITTED", doc.path("cases").get(0).path("artifacts").get(0).path("role").asText());
        assertTrue(doc.path("cases").get(0).path("artifacts").get(0).path("must_not_move").asBoolean());
    }

    @Test
    @DisplayName("a report with fewer than three cases, an unknown role and a wall-clock field is rejected")
    void invalid() {
        ObjectNode doc = valid();
        ((com.fasterxml.jackson.databind.node.ArrayNode) doc.get("cases")).remove(2);
        ((ObjectNode) doc.path("cases").get(0).path("artifacts").get(0)).put("role", "TRAINED");
        doc.put("checked_at", "2026-11-27T09:00:00Z");
        List<String> v = SchemaValidator.of(LeakageCheckReport.SCHEMA).violations(doc);
        assertEquals(3, v.size(), v.toString());
    }
}
