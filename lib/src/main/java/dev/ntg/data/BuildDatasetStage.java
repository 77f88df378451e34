package dev.ntg.data;

import dev.ntg.NtgException;
import dev.ntg.config.NtgConfig;
import dev.ntg.io.Artifact;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Hashing;
import dev.ntg.io.PathCatalog;
import dev.ntg.report.Reports;
import dev.ntg.run.PhaseTimer;
import dev.ntg.run.Stage;
import dev.ntg.run.StageContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.ntg.io.PathCatalog.*;

/**
 * Stage 01: ingest the raw log into canonical events (user_id, item_id, ts, value), quarantine bad records,
 * and cut the one chronological train/val/test split every later stage reads.
 */
public final class BuildDatasetStage implements Stage {
    private static final Logger LOG = LoggerFactory.getLogger(BuildDatasetStage.class);
    private static final int REJECT_EXAMPLES = 5;

    @Override
    public String name() {
        return "build-dataset";
    }

    @Override
    public String description() {
        return "Ingest raw events (synthetic, CSV, Parquet, MovieLens) with DuckDB, quarantine bad rows, write the chronological split.";
    }

    @Override
    public String manifestDir() {
        return "data/processed";
    }

    @Override
    public List<Artifact> inputs(NtgConfig config) {
        return config.dataset().source().equals("synthetic") ? List.of(SYNTHETIC_EVENTS, SYNTHETIC_ITEMS) : List.of();
    }

    @Override
    public List<Path> externalInputs(NtgConfig config, Path workDir) {
        return config.dataset().source().equals("synthetic") ? List.of()
                : EventSources.of(config.dataset(), new PathCatalog(workDir)).files();
    }

    @Override
    public List<Artifact> outputs(NtgConfig config) {
        return List.of(EVENTS, ITEMS, REJECTS, TRAIN, VAL, TEST, SPLIT_MANIFEST);
    }

    @Override
    public List<String> configSections() {
        return List.of("dataset", "split");
    }

    @Override
    public void run(StageContext ctx) {
        NtgConfig config = ctx.config();
        DuckSession duck = ctx.duck();
        PathCatalog catalog = new PathCatalog(ctx.workDir());
        EventSource source = EventSources.of(config.dataset(), catalog);
        PhaseTimer timer = new PhaseTimer();
        long read = source.stageEvents(duck);
        source.stageItems(duck);
        timer.lap("stage_source");
        EventValidator.Outcome outcome = EventValidator.validate(duck, config.dataset(), read);
        timer.lap("validate");
        LOG.info("read {} records: {} events loaded, {} rejected {}", read, outcome.loaded(), outcome.rejected(),
                outcome.reasons().isEmpty() ? "" : outcome.reasons());
        enforceRejectCeiling(duck, config, outcome);

        duck.copyToParquet("SELECT user_id, item_id, ts, value FROM " + EventValidator.EVENTS, ctx.output(EVENTS));
        duck.copyToParquet("SELECT source_file, line, raw, reason FROM " + EventValidator.REJECTS + " ORDER BY source_file, line, reason",
                ctx.output(REJECTS));
        duck.copyToParquet("SELECT DISTINCT ON (item_id) item_id, title, genres FROM " + EventSource.ITEM_META
                + " WHERE item_id IS NOT NULL ORDER BY item_id, title, genres", ctx.output(ITEMS));
        timer.lap("write_events");

        TemporalSplit.Cutoffs cutoffs = TemporalSplit.cutoffs(duck, EventValidator.EVENTS, config.split());
        timer.lap("cutoffs");
        Map<String, SplitManifest.PartStats> parts = new LinkedHashMap<>();
        for (TemporalSplit.Part part : TemporalSplit.Part.values()) {
            Artifact artifact = switch (part) {
                case TRAIN -> TRAIN;
                case VAL -> VAL;
                case TEST -> TEST;
            };
            Path file = ctx.output(artifact);
            duck.copyToParquetOnOneThread("SELECT user_id, item_id, ts, value FROM " + EventValidator.EVENTS + " WHERE "
                    + cutoffs.predicate(part), file);
            parts.put(part.label(), partStats(duck, file));
        }
        timer.lap("write_parts");
        Map<String, SplitManifest.ColdStart> cold = coldStart(duck, cutoffs);

        SplitManifest manifest = new SplitManifest(SplitManifest.VERSION, cutoffs.valStart().toString(), cutoffs.testStart().toString(), cutoffs.rule(),
                new SplitManifest.Source(config.dataset().source(), source.files().stream().map(catalog::label).toList()),
                new SplitManifest.Ingestion(read, outcome.loaded(), outcome.rejected(), outcome.reasons()), parts, cold);
        Reports.write(ctx, SPLIT_MANIFEST, SplitManifest.SCHEMA, manifest);
        timer.lap("cold_start_and_manifest");

        ctx.metric("records_read", read);
        ctx.metric("events_loaded", outcome.loaded());
        ctx.metric("rejected", outcome.rejected());
        ctx.metric("reject_reasons", outcome.reasons());
        ctx.metric("val_start", manifest.valStart());
        ctx.metric("test_start", manifest.testStart());
        ctx.metric("phase_seconds", timer.seconds());
        LOG.info("split at val_start {} and test_start {}: train {} / val {} / test {} events", manifest.valStart(),
                manifest.testStart(), parts.get("train").rows(), parts.get("val").rows(), parts.get("test").rows());
    }

    private static void enforceRejectCeiling(DuckSession duck, NtgConfig config, EventValidator.Outcome outcome) {
        double share = (double) outcome.rejected() / outcome.read();
        double ceiling = config.dataset().maxRejectFraction();
        if (share <= ceiling) return;
        String examples = duck.query("SELECT line, reason, raw FROM " + EventValidator.REJECTS + " ORDER BY line LIMIT " + REJECT_EXAMPLES,
                rs -> "    line " + rs.getLong(1) + ": " + rs.getString(2) + ": " + abbreviate(rs.getString(3)))
                .stream().collect(Collectors.joining("\n"));
        throw new NtgException(String.format("%d of %d records (%.1f%%) were rejected, more than dataset.max_reject_fraction = %s."
                        + "%n  reasons: %s%n  first rejects:%n%s%n  Fix the source (or its column mapping / timestamp_format), "
                        + "or raise dataset.max_reject_fraction. Nothing was written.",
                outcome.rejected(), outcome.read(), 100 * share, ceiling, outcome.reasons(), examples));
    }

    private static String abbreviate(String s) {
        if (s == null) return "";
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }

    private static SplitManifest.PartStats partStats(DuckSession duck, Path file) {
        return duck.querySingle("SELECT count(*), count(DISTINCT user_id), count(DISTINCT item_id), "
                        + "strftime(min(ts), '%Y-%m-%dT%H:%M:%S.%fZ'), strftime(max(ts), '%Y-%m-%dT%H:%M:%S.%fZ') FROM "
                        + DuckSession.parquet(file),
                rs -> new SplitManifest.PartStats(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        Hashing.sha256(file)));
    }

    /**
     * Users and items absent from TRAIN, per later part, in one pass: a user or item is new exactly when its first
     * event is at or after val_start, so only events after val_start are counted.
     */
    private static Map<String, SplitManifest.ColdStart> coldStart(DuckSession duck, TemporalSplit.Cutoffs cutoffs) {
        String e = EventValidator.EVENTS;
        String v = cutoffs.valStartSql();
        Map<String, SplitManifest.ColdStart> out = new LinkedHashMap<>();
        out.put("val", new SplitManifest.ColdStart(0, 0, 0, 0));
        out.put("test", new SplitManifest.ColdStart(0, 0, 0, 0));
        duck.forEach("WITH fu AS (SELECT user_id, min(ts) AS first_ts FROM " + e + " GROUP BY user_id), "
                + "fi AS (SELECT item_id, min(ts) AS first_ts FROM " + e + " GROUP BY item_id) "
                + "SELECT CASE WHEN l.ts >= " + cutoffs.testStartSql() + " THEN 'test' ELSE 'val' END AS part, "
                + "count(DISTINCT CASE WHEN fu.first_ts >= " + v + " THEN l.user_id END), "
                + "count(DISTINCT CASE WHEN fi.first_ts >= " + v + " THEN l.item_id END), "
                + "count(*) FILTER (WHERE fu.first_ts >= " + v + "), count(*) FILTER (WHERE fi.first_ts >= " + v + ") "
                + "FROM " + e + " l JOIN fu USING (user_id) JOIN fi USING (item_id) WHERE l.ts >= " + v + " GROUP BY part",
                rs -> out.put(rs.getString(1), new SplitManifest.ColdStart(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))));
        return out;
    }
}
