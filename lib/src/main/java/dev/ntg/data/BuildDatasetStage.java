package dev.ntg.data;

import dev.ntg.NtgException;
import dev.ntg.config.NtgConfig;
import dev.ntg.io.Artifact;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Hashing;
import dev.ntg.io.Json;
import dev.ntg.io.PathCatalog;
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
    private static final String EVENT_ORDER = "ORDER BY user_id, ts, item_id";
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
        EventSource source = EventSources.of(config.dataset(), new PathCatalog(ctx.workDir()));
        long read = source.stageEvents(duck);
        source.stageItems(duck);
        EventValidator.Outcome outcome = EventValidator.validate(duck, config.dataset(), read);
        LOG.info("read {} records: {} events loaded, {} rejected {}", read, outcome.loaded(), outcome.rejected(),
                outcome.reasons().isEmpty() ? "" : outcome.reasons());
        enforceRejectCeiling(duck, config, outcome);

        duck.copyToParquet("SELECT user_id, item_id, ts, value FROM " + EventValidator.EVENTS + " " + EVENT_ORDER, ctx.output(EVENTS));
        duck.copyToParquet("SELECT source_file, line, raw, reason FROM " + EventValidator.REJECTS + " ORDER BY source_file, line, reason",
                ctx.output(REJECTS));
        duck.copyToParquet("SELECT DISTINCT ON (item_id) item_id, title, genres FROM " + EventSource.ITEM_META
                + " WHERE item_id IS NOT NULL ORDER BY item_id, title, genres", ctx.output(ITEMS));

        TemporalSplit.Cutoffs cutoffs = TemporalSplit.cutoffs(duck, EventValidator.EVENTS, config.split());
        Map<String, SplitManifest.PartStats> parts = new LinkedHashMap<>();
        for (TemporalSplit.Part part : TemporalSplit.Part.values()) {
            Artifact artifact = switch (part) {
                case TRAIN -> TRAIN;
                case VAL -> VAL;
                case TEST -> TEST;
            };
            Path file = ctx.output(artifact);
            duck.copyToParquet("SELECT user_id, item_id, ts, value FROM " + EventValidator.EVENTS + " WHERE "
                    + cutoffs.predicate(part) + " " + EVENT_ORDER, file);
            parts.put(part.label(), partStats(duck, file));
        }
        Map<String, SplitManifest.ColdStart> cold = new LinkedHashMap<>();
        cold.put("val", coldStart(duck, ctx.output(TRAIN), ctx.output(VAL)));
        cold.put("test", coldStart(duck, ctx.output(TRAIN), ctx.output(TEST)));

        SplitManifest manifest = new SplitManifest(cutoffs.valStart().toString(), cutoffs.testStart().toString(), cutoffs.rule(),
                new SplitManifest.Source(config.dataset().source(), source.files().stream().map(f -> displayPath(ctx.workDir(), f)).toList()),
                new SplitManifest.Ingestion(read, outcome.loaded(), outcome.rejected(), outcome.reasons()), parts, cold);
        Json.write(ctx.output(SPLIT_MANIFEST), manifest);

        ctx.metric("records_read", read);
        ctx.metric("events_loaded", outcome.loaded());
        ctx.metric("rejected", outcome.rejected());
        ctx.metric("reject_reasons", outcome.reasons());
        ctx.metric("val_start", manifest.valStart());
        ctx.metric("test_start", manifest.testStart());
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

    /** Relative to the work dir when inside it, so the manifest does not depend on where the project lives. */
    private static String displayPath(Path workDir, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(workDir) ? workDir.relativize(abs).toString() : abs.toString();
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

    private static SplitManifest.ColdStart coldStart(DuckSession duck, Path train, Path later) {
        String t = DuckSession.parquet(train);
        String l = DuckSession.parquet(later);
        return duck.querySingle("SELECT "
                        + "(SELECT count(DISTINCT user_id) FROM " + l + " WHERE user_id NOT IN (SELECT user_id FROM " + t + ")), "
                        + "(SELECT count(DISTINCT item_id) FROM " + l + " WHERE item_id NOT IN (SELECT item_id FROM " + t + ")), "
                        + "(SELECT count(*) FROM " + l + " WHERE user_id NOT IN (SELECT user_id FROM " + t + ")), "
                        + "(SELECT count(*) FROM " + l + " WHERE item_id NOT IN (SELECT item_id FROM " + t + "))",
                rs -> new SplitManifest.ColdStart(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
    }
}
