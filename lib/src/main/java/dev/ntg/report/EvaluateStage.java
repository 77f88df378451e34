package dev.ntg.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.NtgException;
import dev.ntg.config.NtgConfig;
import dev.ntg.data.SplitManifest;
import dev.ntg.io.Artifact;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Hashing;
import dev.ntg.io.Json;
import dev.ntg.io.PathCatalog;
import dev.ntg.report.figures.ChurnFigures;
import dev.ntg.report.figures.DecisionFigures;
import dev.ntg.report.figures.Figure;
import dev.ntg.report.figures.GraphFigures;
import dev.ntg.report.figures.RankingFigures;
import dev.ntg.report.figures.SplitFigure;
import dev.ntg.report.figures.TasteFigures;
import dev.ntg.run.Provenance;
import dev.ntg.run.Stage;
import dev.ntg.run.StageContext;
import dev.ntg.run.StageManifest;
import dev.ntg.run.StageRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.ntg.io.PathCatalog.*;

/**
 * Stage 08: reads every stage's report and diagnostics (and a few aggregates of their Parquet outputs), checks each
 * report against its JSON Schema again, and writes the run summary that links them, the figures, the HTML report and
 * the published copies of the schemas. It computes nothing new about the data: every number comes from an earlier
 * stage, so the report can never disagree with the JSON files it cites.
 */
public final class EvaluateStage implements Stage {
    private static final Logger LOG = LoggerFactory.getLogger(EvaluateStage.class);

    /** The figures, in report order. */
    public static final List<String> FIGURES = List.of("events_by_split", "graph_degree", "graph_popularity_bias", "taste_axes",
            "embedding_variance", "ranking_models", "ranking_segments", "churn_reliability", "churn_score_histogram", "churn_gain",
            "decisions_budget", "decisions_sensitivity", "decisions_power");

    /** A published report and the schema it must satisfy. */
    public record ReportSpec(Artifact artifact, String schema) {
    }

    /** Every JSON report an earlier stage publishes, with its schema. */
    public static final List<ReportSpec> REPORTS = List.of(
            new ReportSpec(SPLIT_MANIFEST, SplitManifest.SCHEMA),
            new ReportSpec(FEATURE_MANIFEST, "feature_manifest.schema.json"),
            new ReportSpec(GRAPH_DIAGNOSTICS, "graph_diagnostics.schema.json"),
            new ReportSpec(TASTE_DIAGNOSTICS, "taste_diagnostics.schema.json"),
            new ReportSpec(RANKING_REPORT, "ranking.schema.json"),
            new ReportSpec(CHURN_REPORT, "churn_report.schema.json"),
            new ReportSpec(DECISIONS_REPORT, "decisions_report.schema.json"));

    public static final String RUN_SUMMARY_SCHEMA = "run_summary.schema.json";
    /** The block every report above and the run summary embed (each schema refers to it). */
    public static final String PROVENANCE_SCHEMA = "provenance.schema.json";

    /** Every schema published under {@code reports/schemas/}. */
    public static final List<String> SCHEMAS = List.of(PROVENANCE_SCHEMA, SplitManifest.SCHEMA, "feature_manifest.schema.json", "graph_diagnostics.schema.json",
            "taste_diagnostics.schema.json", "ranking.schema.json", "churn_report.schema.json", "decisions_report.schema.json",
            RUN_SUMMARY_SCHEMA, dev.ntg.leakage.LeakageCheckReport.SCHEMA);

    /** Stages that fit or aggregate: their manifests must show TRAIN-only event inputs. */
    private static final List<String> TRAIN_ONLY_STAGES = List.of("build-features", "build-graph", "build-taste");

    private final List<Stage> upstream;

    /** @param upstream the stages before this one, whose manifests supply the run metadata */
    public EvaluateStage(List<Stage> upstream) {
        this.upstream = List.copyOf(upstream);
    }

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String description() {
        return "Schema-checked run summary linking every report, figures (reports/figures/*.png) and the self-contained HTML report (reports/index.html).";
    }

    @Override
    public String manifestDir() {
        return "outputs/reports";
    }

    @Override
    public List<Artifact> inputs(NtgConfig config) {
        List<Artifact> in = new ArrayList<>(List.of(SPLIT_MANIFEST, TRAIN, VAL, TEST, ITEM_EDGES, TASTE_AXES, USER_TASTE, CHURN_SCORES));
        for (ReportSpec r : REPORTS) if (!in.contains(r.artifact())) in.add(r.artifact());
        return in;
    }

    @Override
    public List<Artifact> outputs(NtgConfig config) {
        List<Artifact> out = new ArrayList<>(List.of(RUN_SUMMARY, HTML_REPORT));
        for (String f : FIGURES) {
            out.add(PathCatalog.figure(f));
            out.add(PathCatalog.figureSvg(f));
        }
        for (String s : SCHEMAS) out.add(PathCatalog.publishedSchema(s));
        return out;
    }

    /** The report describes the whole run, so the whole effective config is its config. */
    @Override
    public List<String> configSections() {
        return List.of("project", "dataset", "split", "features", "graph", "taste", "ranking", "churn", "decisions");
    }

    @Override
    public void run(StageContext ctx) throws Exception {
        PathCatalog catalog = new PathCatalog(ctx.workDir());
        Map<Artifact, JsonNode> reports = new LinkedHashMap<>();
        for (ReportSpec r : REPORTS) {
            JsonNode doc = Json.read(ctx.input(r.artifact()));
            // validated on write by the producer; checked again so a report edited or left over from older code is caught here
            SchemaValidator.of(r.schema()).check(doc, r.artifact().relativePath());
            reports.put(r.artifact(), doc);
        }
        SplitManifest split = splitManifest(ctx.input(SPLIT_MANIFEST));
        JsonNode graph = reports.get(GRAPH_DIAGNOSTICS);
        JsonNode taste = reports.get(TASTE_DIAGNOSTICS);
        JsonNode ranking = reports.get(RANKING_REPORT);
        JsonNode churn = reports.get(CHURN_REPORT);
        JsonNode decisions = reports.get(DECISIONS_REPORT);

        List<Figure> figures = figures(ctx, split, graph, taste, ranking, churn, decisions);
        Map<String, byte[]> png = new LinkedHashMap<>();
        for (Figure f : figures) {
            byte[] bytes = f.png();
            png.put(f.name(), bytes);
            Files.write(ctx.output(PathCatalog.figure(f.name())), bytes);
            Files.write(ctx.output(PathCatalog.figureSvg(f.name())), f.svg());
        }
        for (String s : SCHEMAS) Files.write(ctx.output(PathCatalog.publishedSchema(s)), schemaBytes(s));

        List<Headline> headlines = Headlines.of(ranking, churn, decisions, graph, taste);
        List<LeakageCheck> leakage = leakageChecks(ctx, catalog, split, ranking, churn);

        Provenance run = ctx.provenance();

        Map<String, StageManifest> manifests = new LinkedHashMap<>();
        for (Stage s : upstream) {
            StageManifest m = StageRunner.readManifest(catalog.manifestOf(s.manifestDir()));
            if (m != null) manifests.put(s.name(), m);
        }

        ObjectNode summary = Json.MAPPER.createObjectNode();
        summary.put("schema_version", "2");
        summary.put("report", "run_summary");
        ArrayNode reportList = summary.putArray("reports");
        List<HtmlReport.ReportRow> reportRows = new ArrayList<>();
        for (ReportSpec r : REPORTS) {
            JsonNode doc = reports.get(r.artifact());
            JsonNode producer = doc.path(Reports.PROVENANCE_FIELD);
            ObjectNode o = reportList.addObject();
            o.put("name", r.artifact().name());
            o.put("path", r.artifact().relativePath());
            o.put("sha256", Hashing.sha256(ctx.input(r.artifact())));
            o.put("schema", r.schema());
            o.put("published_schema", PathCatalog.publishedSchema(r.schema()).relativePath());
            o.put("schema_version", doc.path("schema_version").asText("unversioned"));
            o.put("producer", r.artifact().producer());
            // the producer's own provenance, as stamped into the report (schema-checked above)
            o.put("producer_config_hash", producer.path("config_hash").asText());
            o.put("producer_git_commit", producer.path("git_commit").asText());
            o.put("run_id", producer.path("run_id").asText());
            o.put("data_fingerprint", producer.path("data_fingerprint").asText());
            reportRows.add(new HtmlReport.ReportRow(r.artifact().relativePath(), r.schema(), o.path("schema_version").asText(), r.artifact().producer()));
        }
        ArrayNode stageList = summary.putArray("stages");
        for (Stage s : upstream) {
            StageManifest m = manifests.get(s.name());
            if (m == null) continue;
            ObjectNode o = stageList.addObject();
            o.put("stage", s.name());
            o.put("manifest", s.manifestDir() + "/_manifest.json");
            o.put("config_hash", m.configHash());
            o.put("git_commit", m.gitCommit());
            o.put("lib_fingerprint", m.libFingerprint());
            ArrayNode outs = o.putArray("outputs");
            for (StageManifest.FileEntry f : m.outputs()) outs.add(f.path());
        }
        summary.set("headlines", Json.MAPPER.valueToTree(headlines));
        summary.set("leakage_checks", Json.MAPPER.valueToTree(leakage));
        ArrayNode figList = summary.putArray("figures");
        for (Figure f : figures) {
            ObjectNode o = figList.addObject();
            o.put("name", f.name());
            o.put("path", PathCatalog.figure(f.name()).relativePath());
            o.put("title", f.title());
            o.put("caption", f.caption());
        }
        summary.put("html_report", HTML_REPORT.relativePath());
        Reports.write(ctx, RUN_SUMMARY, RUN_SUMMARY_SCHEMA, summary);

        List<HtmlReport.MetaRow> meta = new ArrayList<>();
        meta.add(new HtmlReport.MetaRow("run id", run.runId()));
        meta.add(new HtmlReport.MetaRow("dataset", ctx.config().dataset().source() + " (" + split.parts().get("train").rows() + " TRAIN, "
                + split.parts().get("val").rows() + " VAL, " + split.parts().get("test").rows() + " TEST events)"));
        meta.add(new HtmlReport.MetaRow("split cutoffs", "val_start " + split.valStart() + ", test_start " + split.testStart()));
        meta.add(new HtmlReport.MetaRow("config hash (effective config)", run.configHash()));
        meta.add(new HtmlReport.MetaRow("data fingerprint (TRAIN/VAL/TEST files)", run.dataFingerprint()));
        meta.add(new HtmlReport.MetaRow("git commit", run.gitCommit() + (run.gitDirty() ? " (uncommitted changes)" : "")));
        meta.add(new HtmlReport.MetaRow("lib version", run.libVersion()));
        meta.add(new HtmlReport.MetaRow("seed", String.valueOf(ctx.config().project().seed())));
        for (var e : manifests.entrySet()) {
            meta.add(new HtmlReport.MetaRow("stage " + e.getKey(), "config " + shortHash(e.getValue().configHash()) + ", commit "
                    + shortHash(e.getValue().gitCommit())));
        }
        String html = HtmlReport.render("NTG run report", meta, headlines, leakage, figures, png, axisRows(ctx), reportRows);
        Files.writeString(ctx.output(HTML_REPORT), html, StandardCharsets.UTF_8);

        long failed = leakage.stream().filter(c -> !c.passed()).count();
        ctx.metric("figures", figures.size());
        ctx.metric("reports_validated", REPORTS.size());
        ctx.metric("leakage_checks_failed", failed);
        if (failed > 0) LOG.warn("{}: {} leakage check(s) fail; see {}", name(), failed, HTML_REPORT.relativePath());
        LOG.info("{}: {} figures, {} reports validated, run id {}", name(), figures.size(), REPORTS.size(), run.runId());
    }

    private static String shortHash(String h) {
        return h == null ? "?" : h.substring(0, Math.min(12, h.length()));
    }

    static SplitManifest splitManifest(Path p) {
        try {
            return Json.MAPPER.readerFor(SplitManifest.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(p.toFile());
        } catch (IOException e) {
            throw new NtgException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private static byte[] schemaBytes(String name) {
        try (InputStream in = EvaluateStage.class.getResourceAsStream("/schemas/" + name)) {
            if (in == null) throw new IllegalStateException("schema /schemas/" + name + " is missing from the classpath");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Figure> figures(StageContext ctx, SplitManifest split, JsonNode graph, JsonNode taste, JsonNode ranking, JsonNode churn,
                                 JsonNode decisions) {
        DuckSession duck = ctx.duck();
        String train = DuckSession.parquet(ctx.input(TRAIN));
        String edges = DuckSession.parquet(ctx.input(ITEM_EDGES));
        List<Figure> out = new ArrayList<>();

        out.add(SplitFigure.eventsOverTime(FigureAggregates.eventsPerDay(duck, train, DuckSession.parquet(ctx.input(VAL)),
                DuckSession.parquet(ctx.input(TEST))), split));

        out.add(GraphFigures.degrees(FigureAggregates.degreeCounts(duck, edges, "dst"), FigureAggregates.degreeCounts(duck, edges, "src"), graph));
        out.add(GraphFigures.popularityBias(FigureAggregates.popularityDeciles(duck, train, edges), graph));
        out.add(TasteFigures.axes(taste, FigureAggregates.usersByDominantAxis(duck, DuckSession.parquet(ctx.input(USER_TASTE)))));
        out.add(TasteFigures.explainedVariance(taste));

        out.add(RankingFigures.models(ranking));
        out.add(RankingFigures.segments(ranking));

        ChurnOutcomes test = ChurnOutcomes.read(duck, ctx.input(CHURN_SCORES), "test");
        out.add(ChurnFigures.reliability(churn));
        out.add(ChurnFigures.scoreHistograms(test.p(), test.churned()));
        out.add(ChurnFigures.gain(test.p(), test.churned(), churn));

        out.add(DecisionFigures.budgetCurve(decisions));
        out.add(DecisionFigures.sensitivity(decisions));
        out.add(DecisionFigures.powerCurves(decisions));
        if (!out.stream().map(Figure::name).toList().equals(FIGURES)) {
            throw new IllegalStateException("figures drawn " + out.stream().map(Figure::name).toList() + " differ from the declared " + FIGURES);
        }
        return out;
    }

    private static List<HtmlReport.AxisRow> axisRows(StageContext ctx) {
        return ctx.duck().query("SELECT CAST(axis AS VARCHAR), label, CASE WHEN len(top_titles) > 0 THEN array_to_string(list_slice(top_titles, 1, 5), ' · ')"
                        + " ELSE array_to_string(list_slice(top_items, 1, 5), ' · ') END FROM " + DuckSession.parquet(ctx.input(TASTE_AXES)) + " ORDER BY axis",
                rs -> new HtmlReport.AxisRow(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    private List<LeakageCheck> leakageChecks(StageContext ctx, PathCatalog catalog, SplitManifest split, JsonNode ranking, JsonNode churn) {
        List<LeakageCheck> out = new ArrayList<>();
        Instant valStart = Instant.parse(split.valStart());
        Instant testStart = Instant.parse(split.testStart());
        SplitManifest.PartStats tr = split.parts().get("train");
        SplitManifest.PartStats va = split.parts().get("val");
        SplitManifest.PartStats te = split.parts().get("test");
        out.add(order("max(TRAIN ts) < val_start", tr.maxTs(), split.valStart(), tr.rows() == 0 || Instant.parse(tr.maxTs()).isBefore(valStart)));
        out.add(order("val_start ≤ min(VAL ts)", split.valStart(), va.minTs(), va.rows() == 0 || !Instant.parse(va.minTs()).isBefore(valStart)));
        out.add(order("max(VAL ts) < test_start", va.maxTs(), split.testStart(), va.rows() == 0 || Instant.parse(va.maxTs()).isBefore(testStart)));
        out.add(order("test_start ≤ min(TEST ts)", split.testStart(), te.minTs(), te.rows() == 0 || !Instant.parse(te.minTs()).isBefore(testStart)));

        List<String> mismatched = new ArrayList<>();
        for (Artifact a : List.of(TRAIN, VAL, TEST)) {
            if (!Hashing.sha256(ctx.input(a)).equals(split.parts().get(a.name()).sha256())) mismatched.add(a.relativePath());
        }
        out.add(new LeakageCheck("the TRAIN/VAL/TEST files are the ones split_manifest.json describes", mismatched.isEmpty(),
                mismatched.isEmpty() ? "SHA-256 of each part file equals the manifest's" : "changed since the split: " + String.join(", ", mismatched)));

        for (String stage : TRAIN_ONLY_STAGES) {
            Stage s = upstream.stream().filter(u -> u.name().equals(stage)).findFirst().orElse(null);
            if (s == null) continue;
            StageManifest m = StageRunner.readManifest(catalog.manifestOf(s.manifestDir()));
            if (m == null) {
                out.add(new LeakageCheck(stage + " read no VAL or TEST file", false, "no manifest at " + s.manifestDir() + "/_manifest.json"));
                continue;
            }
            List<String> windows = m.inputs().stream().map(StageManifest.FileEntry::path)
                    .filter(p -> p.equals(VAL.relativePath()) || p.equals(TEST.relativePath()) || p.equals(EVENTS.relativePath())).toList();
            out.add(new LeakageCheck(stage + " read no VAL or TEST file", windows.isEmpty(), windows.isEmpty()
                    ? "its manifest lists " + m.inputs().size() + " inputs, none of them VAL, TEST or all events"
                    : "its manifest lists " + String.join(", ", windows)));
        }
        String tunedOn = ranking.path("blend").path("tuned_on").asText("?");
        out.add(new LeakageCheck("ranking blend weights tuned on VAL, not TEST", tunedOn.equals("val"), "ranking.json blend.tuned_on = " + tunedOn));
        String chosenOn = churn.path("selection").path("window").asText("?");
        out.add(new LeakageCheck("churn model and calibrator chosen on VAL, not TEST", chosenOn.equals("val"),
                "churn.json selection.window = " + chosenOn));
        return out;
    }

    private static LeakageCheck order(String check, String left, String right, boolean holds) {
        return new LeakageCheck(check, holds, left + " vs " + right);
    }
}
