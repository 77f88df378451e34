package dev.ntg.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.NtgException;
import dev.ntg.io.Json;
import dev.ntg.report.SchemaValidator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("bench.schema.json")
class BenchSchemaTest {
    static ObjectNode valid() throws Exception {
        return (ObjectNode) Json.MAPPER.readTree("""
                {"schema_version": "3", "report": "bench", "created_at": "2026-01-01T00:00:00Z",
                 "machine": {"cores": 2, "ram_mib": 24000, "os": "Linux amd64", "load_average_start": [1.5, 1.2, 1.0], "load_average_end": [2.0, 1.4, 1.1],
                   "speed_probe_ns_start": 1.9, "speed_probe_ns_end": 2.3},
                 "jvm": "OpenJDK 17", "max_heap_mib": 4096, "config_sources": ["base.yaml", "--set project.threads=2"],
                 "measurements": [{"events": 1000000, "stage": "build-graph", "wall_seconds": 3.5, "cpu_seconds": 6.1, "peak_heap_mib": 800,
                   "peak_rss_mib": null, "rows_in": 800000, "rows_out": 120000, "events_per_second": 285714, "rows_in_per_second": 228571,
                   "stage_metrics": {"pairs_counted": 5}}],
                 "totals": [{"events": 1000000, "wall_seconds": 3.5, "cpu_seconds": 6.1, "peak_heap_mib": 800, "peak_rss_mib": null, "events_per_second": 285714}],
                 "cost_exponents": [{"stage": "build-graph", "cost_exponent": null, "cpu_cost_exponent": null, "sizes": 1}],
                 "reference": {"status": "ran", "reason": null, "python": ".venv/bin/python", "python_version": "3.11.2", "scipy_version": "1.17.1",
                   "numpy_version": "2.4.6", "pair_definition": "ordered pairs",
                   "runs": [{"events": 1000000, "status": "ok", "reason": null, "users": 6400, "items": 2400, "interactions": 790000,
                     "pairs": 300000000, "java_distinct_pairs": 5000000, "scipy_distinct_pairs": 5000000, "counts_match": true,
                     "java_full": {"cpu_seconds": 1.0, "wall_seconds": 1.1, "pairs_per_cpu_second": 3.0e8, "peak_rss_mib": null},
                     "java_count": {"cpu_seconds": 0.8, "wall_seconds": 0.8, "pairs_per_cpu_second": 3.75e8, "peak_rss_mib": null},
                     "scipy": {"cpu_seconds": 6.0, "wall_seconds": 6.1, "pairs_per_cpu_second": 5.0e7, "peak_rss_mib": 900},
                     "ratio_per_core": 6.0}]},
                 "figure": "outputs/reports/bench_time_vs_events.png"}
                """);
    }

    @Test
    @DisplayName("a valid report has no violations, and neither has one whose reference was unavailable")
    void valid_() throws Exception {
        assertEquals(List.of(), SchemaValidator.of(PipelineBenchmark.SCHEMA).violations(valid()));
        ObjectNode doc = valid();
        doc.set("reference", Json.MAPPER.readTree("""
                {"status": "unavailable", "reason": "no Python with scipy", "python": null, "python_version": null, "scipy_version": null,
                 "numpy_version": null, "pair_definition": "ordered pairs", "runs": []}"""));
        assertEquals(List.of(), SchemaValidator.of(PipelineBenchmark.SCHEMA).violations(doc));
    }

    @Test
    @DisplayName("a speed probe of 0 ns is rejected; the machine's own probe is a positive, finite time")
    void speedProbe() throws Exception {
        ObjectNode doc = valid();
        ((ObjectNode) doc.path("machine")).put("speed_probe_ns_start", 0.0);
        assertEquals(1, SchemaValidator.of(PipelineBenchmark.SCHEMA).violations(doc).size());
        double ns = Machine.speedProbeNs();
        assertTrue(ns > 0 && ns < 1000, "probe " + ns + " ns per row");
    }

    @Test
    @DisplayName("a report without the machine, with a negative ratio and an unknown run status is rejected")
    void invalid() throws Exception {
        ObjectNode doc = valid();
        doc.remove("machine");
        ObjectNode run = (ObjectNode) doc.path("reference").path("runs").get(0);
        run.put("ratio_per_core", -1.0);
        run.put("status", "great");
        List<String> v = SchemaValidator.of(PipelineBenchmark.SCHEMA).violations(doc);
        assertEquals(3, v.size(), v.toString());
        NtgException e = assertThrows(NtgException.class, () -> SchemaValidator.of(PipelineBenchmark.SCHEMA).check(doc, "bench.json"));
        assertTrue(e.getMessage().contains("bench.schema.json"));
    }
}
