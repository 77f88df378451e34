package dev.ntg.taste;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.NtgException;
import dev.ntg.io.Json;
import dev.ntg.report.Reports;
import dev.ntg.report.SchemaValidator;
import dev.ntg.testing.SampleProvenance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("taste_diagnostics.json schema")
class TasteDiagnosticsSchemaTest {
    static JsonNode valid() {
        TasteDiagnostics d = new TasteDiagnostics("2", TasteDiagnostics.METHOD,
                new TasteDiagnostics.Settings(2, 2, 0.1, 5, 10, 5.0, 10, 1, 0.8, 46, true, 4),
                new TasteDiagnostics.Data(100, 10, 4, 20, 4), List.of(1.0, 0.5), 0.25,
                List.of(new TasteDiagnostics.Axis(1, "Crime: A, B", List.of("Crime"), 2, 0.6, 0.7),
                        new TasteDiagnostics.Axis(2, "Top: C, D", List.of(), 2, 0.4, 0.5)),
                new TasteDiagnostics.Cohesion(8, 0.6, 0.5),
                new TasteDiagnostics.Stability(List.of(new TasteDiagnostics.Resample("bootstrap", 1, 4, 0.9, 0.95)), 0.9, 0.95, null, null),
                null, new TasteDiagnostics.Embeddings(2, LatentFactors.WEIGHTING, List.of(3.0, 1.0), 0.8));
        return Reports.stamp(d, SampleProvenance.of());
    }

    @Test
    @DisplayName("a document the stage would write is valid")
    void validDocument() {
        assertEquals(List.of(), SchemaValidator.of(TasteDiagnostics.SCHEMA).violations(valid()));
    }

    @Test
    @DisplayName("an NMI above 1 and a missing setting are both reported")
    void invalidDocument() {
        ObjectNode doc = (ObjectNode) valid();
        ((ObjectNode) doc.get("settings")).remove("k");
        doc.set("recovery", Json.MAPPER.valueToTree(new Recovery(4, 1.5, 0.5, 2, 1.0, 10, List.of(), 0.2, 0.3)));
        List<String> v = SchemaValidator.of(TasteDiagnostics.SCHEMA).violations(doc);
        assertTrue(v.stream().anyMatch(s -> s.contains("/settings") && s.contains("k")), v.toString());
        assertTrue(v.stream().anyMatch(s -> s.contains("/recovery")), v.toString());
        assertThrows(NtgException.class, () -> SchemaValidator.of(TasteDiagnostics.SCHEMA).check(doc, "taste_diagnostics.json"));
    }
}
