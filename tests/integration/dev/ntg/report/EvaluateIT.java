package dev.ntg.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ntg.cli.Stages;
import dev.ntg.io.Artifact;
import dev.ntg.io.Hashing;
import dev.ntg.io.Json;
import dev.ntg.io.PathCatalog;
import dev.ntg.run.Stage;
import dev.ntg.testing.TestPipeline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.ntg.io.PathCatalog.*;
import static org.junit.jupiter.api.Assertions.*;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("evaluate on the dev synthetic service")
class EvaluateIT {
    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    TestPipeline p;
    EvaluateStage stage;
    Map<Artifact, String> firstRun = new LinkedHashMap<>();
    JsonNode summary;
    String html;
    List<dev.ntg.run.StageRunner.Result> results = new ArrayList<>();

    @BeforeAll
    void run(@TempDir Path dir) throws Exception {
        p = TestPipeline.dev(dir);
        for (Stage s : Stages.all()) {
            if (s instanceof EvaluateStage e) stage = e;
            results.add(p.run(s));
        }
        for (Artifact a : stage.outputs(p.config().config())) firstRun.put(a, Hashing.sha256(p.path(a)));
        summary = Json.read(p.path(RUN_SUMMARY));
        html = Files.readString(p.path(HTML_REPORT), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("writes every figure as a PNG")
    void figures() throws Exception {
        for (String f : EvaluateStage.FIGURES) {
            byte[] png = Files.readAllBytes(p.path(PathCatalog.figure(f)));
            assertTrue(png.length > 1000, f + " is suspiciously small");
            assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8), f + " is not a PNG");
        }
    }

    @Test
    @DisplayName("run_summary.json matches its schema and links every report with its provenance")
    void summary() {
        assertEquals(List.of(), SchemaValidator.of(EvaluateStage.RUN_SUMMARY_SCHEMA).violations(summary));
        List<String> linked = new ArrayList<>();
        for (JsonNode r : summary.path("reports")) {
            linked.add(r.path("path").asText());
            assertEquals(Hashing.sha256(p.workDirPath(r.path("path").asText())), r.path("sha256").asText());
            assertTrue(Files.isRegularFile(p.workDirPath(r.path("published_schema").asText())), r.path("published_schema").asText());
            // each link restates the provenance stamped into the report it names
            JsonNode stamped = Json.read(p.workDirPath(r.path("path").asText())).path("provenance");
            assertEquals(stamped.path("run_id").asText(), r.path("run_id").asText(), r.path("path").asText());
            assertEquals(stamped.path("config_hash").asText(), r.path("producer_config_hash").asText(), r.path("path").asText());
            assertEquals(stamped.path("data_fingerprint").asText(), r.path("data_fingerprint").asText(), r.path("path").asText());
        }
        assertEquals(EvaluateStage.REPORTS.stream().map(s -> s.artifact().relativePath()).toList(), linked);
        assertEquals(EvaluateStage.FIGURES.size(), summary.path("figures").size());
        assertTrue(summary.path("headlines").size() >= 4, "expected ranking, churn and decisions headlines");
        for (JsonNode c : summary.path("leakage_checks")) assertTrue(c.path("passed").asBoolean(), c.toString());
    }

    @Test
    @DisplayName("the published schemas are byte copies of the ones the code validates with")
    void publishedSchemas() throws Exception {
        for (String s : EvaluateStage.SCHEMAS) {
            try (var in = EvaluateStage.class.getResourceAsStream("/schemas/" + s)) {
                assertArrayEquals(in.readAllBytes(), Files.readAllBytes(p.path(PathCatalog.publishedSchema(s))), s);
            }
        }
    }

    @Test
    @DisplayName("index.html embeds every figure as a data URI and references nothing outside itself")
    void htmlSelfContained() throws Exception {
        for (String f : EvaluateStage.FIGURES) {
            String uri = "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(p.path(PathCatalog.figure(f))));
            assertTrue(html.contains(uri), f + " is not embedded");
        }
        assertFalse(html.contains("src=\"http") || html.contains("href=\"http") || html.contains("url("), "external reference");
        for (JsonNode h : summary.path("headlines")) assertTrue(html.contains(Html.escape(h.path("sentence").asText())), h.path("key").asText());
        assertTrue(html.contains(summary.at("/provenance/run_id").asText()));
    }

    @Test
    @DisplayName("rerunning on the same artifacts gives byte-identical outputs, figures included")
    void deterministic() {
        p.run(stage);
        List<String> moved = new ArrayList<>();
        firstRun.forEach((a, h) -> {
            if (!h.equals(Hashing.sha256(p.path(a)))) moved.add(a.relativePath());
        });
        assertEquals(List.of(), moved);
    }

    @Test
    @DisplayName("the run-all table has a headline and a main artifact for every stage")
    void runAllTable() {
        List<RunAllSummary.Row> rows = RunAllSummary.rows(results, p.catalog());
        assertEquals(Stages.all().size(), rows.size());
        for (RunAllSummary.Row r : rows) {
            assertNotEquals("-", r.headline(), r.stage() + " has no headline");
            assertTrue(Files.exists(p.workDirPath(r.artifact())), r.stage() + ": " + r.artifact() + " does not exist");
        }
        String table = RunAllSummary.format(rows);
        assertTrue(table.contains("reports/index.html"), table);
        assertTrue(table.contains("ndcg@10"), table);
    }

    @Test
    @DisplayName("headless Chromium loads every image with no console error or policy violation")
    void opensInChromium(@TempDir Path scratch) throws Exception {
        HeadlessChromium.Result r = HeadlessChromium.open(p.path(HTML_REPORT), scratch);
        assertEquals(EvaluateStage.FIGURES.size(), r.images(), r.detail());
        assertTrue(r.clean(), "broken=" + r.broken() + " csp=" + r.cspViolations() + " errors=" + r.errors() + " " + r.detail()
                + " console=" + r.consoleLines());
    }

    @Test
    @DisplayName("the browser check can fail: a broken and an external image are caught")
    void chromiumCheckCanFail(@TempDir Path scratch) throws Exception {
        Path bad = scratch.resolve("bad.html");
        Files.writeString(bad, "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\""
                + HtmlReport.CONTENT_SECURITY_POLICY + "\"></head><body><img alt=\"broken\" src=\"data:image/png;base64,AAAA\">"
                + "<img alt=\"external\" src=\"https://example.invalid/x.png\"></body></html>");
        HeadlessChromium.Result r = HeadlessChromium.open(bad, scratch.resolve("run"));
        assertEquals(2, r.images());
        assertEquals(2, r.broken(), r.detail());
        assertTrue(r.cspViolations() >= 1, r.detail());
        assertFalse(r.consoleLines().isEmpty(), "the policy violation must reach the console log as well");
        assertFalse(r.clean());
    }
}
