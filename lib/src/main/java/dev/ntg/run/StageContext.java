package dev.ntg.run;

import dev.ntg.config.LoadedConfig;
import dev.ntg.config.NtgConfig;
import dev.ntg.io.Artifact;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Json;
import dev.ntg.io.PathCatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a running stage may touch: its config, one DuckDB session, its declared inputs (final paths) and its
 * declared outputs (staging paths, moved into place by the runner only if the stage completes).
 */
public final class StageContext {
    private final Stage stage;
    private final LoadedConfig loaded;
    private final PathCatalog catalog;
    private final DuckSession duck;
    private final Path staging;
    private final List<Artifact> inputs;
    private final List<Artifact> outputs;
    static final String TRAIN_RELATION = "train";
    private final Map<String, Object> metrics = new LinkedHashMap<>();
    private final Provenance provenance;
    private TrainView trainView;

    StageContext(Stage stage, LoadedConfig loaded, PathCatalog catalog, DuckSession duck, Path staging, Provenance provenance) {
        this.stage = stage;
        this.loaded = loaded;
        this.catalog = catalog;
        this.duck = duck;
        this.staging = staging;
        this.inputs = stage.inputs(loaded.config());
        this.outputs = stage.outputs(loaded.config());
        this.provenance = provenance;
    }

    public NtgConfig config() {
        return loaded.config();
    }

    /** The hash of this stage's config slice, as its manifest will record it. */
    public String configHash() {
        return loaded.sliceHash(stage.configSections());
    }

    /** The provenance block every JSON report of this stage carries (same config hash and input hashes as its manifest). */
    public Provenance provenance() {
        return provenance;
    }

    public DuckSession duck() {
        return duck;
    }

    public Path workDir() {
        return catalog.workDir();
    }

    /** The final path of a declared input. */
    public Path input(Artifact artifact) {
        if (!inputs.contains(artifact)) {
            throw new IllegalStateException(stage.name() + " reads " + artifact.name() + " without declaring it as an input");
        }
        return catalog.resolve(artifact);
    }

    /** Where to write a declared output; the runner moves it into place when the stage completes. */
    public Path output(Artifact artifact) {
        if (!outputs.contains(artifact)) {
            throw new IllegalStateException(stage.name() + " writes " + artifact.name() + " without declaring it as an output");
        }
        Path p = stagingPath(staging, artifact);
        try {
            Files.createDirectories(p.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /**
     * The TRAIN events as a DuckDB view, for stages that fit or aggregate. The stage must declare
     * {@link PathCatalog#TRAIN} and {@link PathCatalog#SPLIT_MANIFEST} as inputs.
     */
    public TrainView trainView() {
        if (trainView == null) {
            Path train = input(PathCatalog.TRAIN);
            Instant cutoff = Instant.parse(Json.read(input(PathCatalog.SPLIT_MANIFEST)).get("val_start").asText());
            duck.execute("CREATE OR REPLACE VIEW " + TRAIN_RELATION + " AS SELECT user_id, item_id, ts, value FROM "
                    + DuckSession.parquet(train));
            trainView = new TrainView(TRAIN_RELATION, cutoff, duck);
        }
        return trainView;
    }

    /**
     * Events of an evaluation window (VAL or TEST) as a DuckDB view named after the part. Only evaluation code
     * may call this: its results must never feed back into a fitted artifact (the tamper test checks).
     */
    public String evaluationWindow(Artifact part) {
        if (part != PathCatalog.VAL && part != PathCatalog.TEST) throw new IllegalArgumentException("not an evaluation window: " + part);
        String name = part.name() + "_window";
        duck.execute("CREATE OR REPLACE VIEW " + name + " AS SELECT user_id, item_id, ts, value FROM " + DuckSession.parquet(input(part)));
        return name;
    }

    /**
     * TRAIN and VAL events before {@code asOf} as a view the feature builders accept, for <em>scoring</em> the TEST
     * window one period later with a model already fitted on TRAIN: features as of the TEST cutoff need the VAL events.
     * Never hand it to fitting code; whatever it feeds is a TEST evaluation output (the tamper test checks). The stage
     * must declare {@link PathCatalog#VAL} as an input.
     */
    public TrainView scoringHistoryBefore(Instant asOf) {
        TrainView train = trainView();
        String val = evaluationWindow(PathCatalog.VAL);
        String name = "scoring_history";
        duck.execute("CREATE OR REPLACE VIEW " + name + " AS SELECT * FROM (SELECT user_id, item_id, ts, value FROM " + train.relation()
                + " UNION ALL SELECT user_id, item_id, ts, value FROM " + val + ") WHERE ts < "
                + dev.ntg.io.Sql.literal(asOf.toString()) + "::TIMESTAMPTZ::TIMESTAMP");
        return new TrainView(name, asOf, duck);
    }

    /** Records a figure (row counts, reject counts, timings) in the stage's manifest under {@code metrics}. */
    public void metric(String key, Object value) {
        metrics.put(key, value);
    }

    Map<String, Object> metrics() {
        return metrics;
    }

    static Path stagingPath(Path staging, Artifact artifact) {
        return staging.resolve(artifact.relativePath());
    }
}
