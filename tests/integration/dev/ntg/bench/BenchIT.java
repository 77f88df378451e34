package dev.ntg.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ntg.cli.NtgCli;
import dev.ntg.io.Json;
import dev.ntg.report.SchemaValidator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

@DisplayName("ntg bench on two tiny sizes, through the graph stage")
class BenchIT {
    @TempDir
    Path work;

    @Test
    @DisplayName("writes a schema-valid bench.json with rows in, totals, slopes and the reference (or why not), and the figure")
    void benchWritesReportAndFigure() throws Exception {
        // The reference script, and the project's Python with scipy when there is one, as a project folder would hold them.
        Files.createDirectories(work.resolve("tools/bench"));
        Files.copy(Path.of(ScipyRunner.SCRIPT), work.resolve(ScipyRunner.SCRIPT));
        if (Files.isDirectory(Path.of(".venv"))) Files.createSymbolicLink(work.resolve(".venv"), Path.of(".venv").toAbsolutePath());

        int code = NtgCli.run(new String[]{"--workdir", work.toString(), "bench", "--events", "20000,40000",
                "--stages", "generate-events,build-dataset,build-graph", "--reference-repeats", "1", "--output", "tiny.json"});
        assertEquals(0, code);

        JsonNode doc = Json.read(work.resolve("outputs/reports/tiny.json"));
        assertEquals(java.util.List.of(), SchemaValidator.of(PipelineBenchmark.SCHEMA).violations(doc));
        assertEquals(6, doc.path("measurements").size());
        assertEquals(2, doc.path("totals").size());
        JsonNode gen = doc.path("measurements").get(0), dataset = doc.path("measurements").get(1), graph = doc.path("measurements").get(2);
        assertTrue(gen.path("rows_in").isNull(), "the generator reads no Parquet");
        assertThat(dataset.path("rows_in").asLong()).isPositive().isLessThanOrEqualTo(gen.path("rows_out").asLong());
        // build-graph reads TRAIN: 80% of the events by the default split fractions.
        double trainShare = graph.path("rows_in").asDouble() / dataset.path("stage_metrics").path("events_loaded").asDouble();
        assertThat(trainShare).isBetween(0.75, 0.85);
        double wallSum = Arrays.stream(new int[]{0, 1, 2}).mapToDouble(i -> doc.path("measurements").get(i).path("wall_seconds").asDouble()).sum();
        assertEquals(wallSum, doc.path("totals").get(0).path("wall_seconds").asDouble(), 0.002);
        assertEquals(2, doc.path("cost_exponents").get(0).path("sizes").asInt());
        assertTrue(doc.path("machine").path("load_average_end").size() > 0);
        assertTrue(doc.path("machine").path("speed_probe_ns_start").asDouble() > 0);
        assertTrue(doc.path("machine").path("speed_probe_ns_end").asDouble() > 0);

        JsonNode ref = doc.path("reference");
        if (ref.path("status").asText().equals("ran")) {
            assertEquals(2, ref.path("runs").size());
            for (JsonNode run : ref.path("runs")) {
                assertEquals("ok", run.path("status").asText(), run.toString());
                assertTrue(run.path("counts_match").asBoolean());
                assertEquals(run.path("java_distinct_pairs").asLong(), run.path("scipy_distinct_pairs").asLong());
            }
        } else {
            assertEquals("unavailable", ref.path("status").asText());
            assertThat(ref.path("reason").asText()).contains("scipy");
        }

        byte[] png = Files.readAllBytes(work.resolve("outputs/reports/tiny_time_vs_events.png"));
        assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        assertFalse(Files.exists(work.resolve("outputs/bench/events-20000")), "scratch work dirs are deleted");
    }
}
