package dev.ntg.run;

import dev.ntg.NtgException;
import dev.ntg.config.LoadedConfig;
import dev.ntg.io.Artifact;
import dev.ntg.io.DuckSession;
import dev.ntg.io.FileTrees;
import dev.ntg.io.Hashing;
import dev.ntg.io.Json;
import dev.ntg.io.PathCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs a stage under the stage contract: inputs must exist; outputs are written to a private staging folder
 * and moved into place only when the stage has finished; the manifest, written last, records input and
 * output hashes so a later run can tell whether the stage is up to date (and a killed run is never mistaken
 * for a finished one).
 */
public final class StageRunner {
    private static final Logger LOG = LoggerFactory.getLogger(StageRunner.class);

    private final PathCatalog catalog;
    private final LoadedConfig config;

    public StageRunner(PathCatalog catalog, LoadedConfig config) {
        this.catalog = catalog;
        this.config = config;
    }

    /** What happened to a stage. */
    public record Result(String stage, boolean skipped, double seconds, StageManifest manifest) {
    }

    /** Runs the stage unless {@code skipIfUpToDate} and its manifest shows identical inputs, config, code and outputs. */
    public Result run(Stage stage, boolean skipIfUpToDate) {
        requireInputs(stage);
        List<StageManifest.FileEntry> inputs = hashInputs(stage);
        String configHash = config.sliceHash(stage.configSections());
        Path manifestPath = catalog.manifestOf(stage.manifestDir());
        if (skipIfUpToDate) {
            StageManifest previous = readManifest(manifestPath);
            if (previous != null && upToDate(previous, inputs, configHash)) {
                LOG.info("{}: up to date, skipped", stage.name());
                return new Result(stage.name(), true, 0, previous);
            }
        }

        Instant start = Instant.now();
        // Read once, before the stage runs, so its reports and its manifest name the same commit.
        BuildInfo.Git git = BuildInfo.git(catalog.workDir());
        Provenance provenance = Provenance.of(configHash, inputs, eventDataPaths(stage), git);
        Path staging = newStagingDir(stage);
        try {
            StageContext ctx;
            try (DuckSession duck = DuckSession.open(config.config().project(), catalog.workDir())) {
                ctx = new StageContext(stage, config, catalog, duck, staging, provenance);
                LOG.info("{}: running", stage.name());
                stage.run(ctx);
            } catch (NtgException | UncheckedIOException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(stage.name() + " failed: " + e, e);
            }
            List<StageManifest.FileEntry> outputs = describeOutputs(stage, staging);
            for (Artifact a : stage.outputs(config.config())) {
                move(StageContext.stagingPath(staging, a), catalog.resolve(a));
            }
            Instant end = Instant.now();
            double seconds = Duration.between(start, end).toMillis() / 1000.0;
            StageManifest manifest = new StageManifest(stage.name(), BuildInfo.libVersion(), BuildInfo.codeFingerprint(), git.commit(), git.dirty(),
                    config.slice(stage.configSections()), configHash, config.sources(), config.config().project().seed(),
                    inputs, outputs, ctx.metrics(), start.toString(), end.toString(), seconds);
            Path tmp = staging.resolve("_manifest.json");
            Json.write(tmp, manifest);
            move(tmp, manifestPath);
            LOG.info("{}: done in {} s", stage.name(), String.format("%.1f", seconds));
            return new Result(stage.name(), false, seconds, manifest);
        } finally {
            FileTrees.delete(staging);
        }
    }

    private void requireInputs(Stage stage) {
        for (Artifact a : stage.inputs(config.config())) {
            if (!Files.isRegularFile(catalog.resolve(a))) {
                throw new NtgException(stage.name() + " needs " + a.relativePath() + ", which does not exist yet: run `ntg "
                        + a.producer() + "` first (or `ntg run-all`)");
            }
        }
        for (Path p : stage.externalInputs(config.config(), catalog.workDir())) {
            if (!Files.isRegularFile(p)) {
                throw new NtgException(stage.name() + ": input file " + p + " does not exist (check dataset.path)");
            }
        }
    }

    private List<StageManifest.FileEntry> hashInputs(Stage stage) {
        List<StageManifest.FileEntry> out = new ArrayList<>();
        for (Artifact a : stage.inputs(config.config())) {
            out.add(new StageManifest.FileEntry(a.name(), a.relativePath(), Hashing.sha256(catalog.resolve(a)), null));
        }
        for (Path p : stage.externalInputs(config.config(), catalog.workDir())) {
            Path abs = p.toAbsolutePath().normalize();
            out.add(new StageManifest.FileEntry(abs.getFileName().toString(), abs.toString(), Hashing.sha256(abs), null));
        }
        return out;
    }

    /** The paths, as {@link #hashInputs} records them, of the inputs that hold events. */
    private Set<String> eventDataPaths(Stage stage) {
        Set<String> out = new HashSet<>();
        for (Artifact a : stage.inputs(config.config())) {
            if (PathCatalog.holdsEvents(a)) out.add(a.relativePath());
        }
        for (Path p : stage.externalInputs(config.config(), catalog.workDir())) out.add(p.toAbsolutePath().normalize().toString());
        return out;
    }

    private List<StageManifest.FileEntry> describeOutputs(Stage stage, Path staging) {
        List<StageManifest.FileEntry> out = new ArrayList<>();
        try (DuckSession duck = DuckSession.inMemory()) {
            for (Artifact a : stage.outputs(config.config())) {
                Path p = StageContext.stagingPath(staging, a);
                if (!Files.isRegularFile(p)) {
                    throw new IllegalStateException(stage.name() + " finished without writing " + a.relativePath());
                }
                Long rows = a.isParquet() ? duck.queryLong("SELECT count(*) FROM " + DuckSession.parquet(p)) : null;
                out.add(new StageManifest.FileEntry(a.name(), a.relativePath(), Hashing.sha256(p), rows));
            }
        }
        return out;
    }

    private boolean upToDate(StageManifest previous, List<StageManifest.FileEntry> inputs, String configHash) {
        if (!configHash.equals(previous.configHash()) || !sameHashes(inputs, previous.inputs())) return false;
        if (!BuildInfo.codeFingerprint().equals(previous.libFingerprint())) return false;
        for (StageManifest.FileEntry o : previous.outputs()) {
            Path p = catalog.workDir().resolve(o.path());
            if (!Files.isRegularFile(p) || !Hashing.sha256(p).equals(o.sha256())) return false;
        }
        return true;
    }

    private static boolean sameHashes(List<StageManifest.FileEntry> a, List<StageManifest.FileEntry> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).path().equals(b.get(i).path()) || !a.get(i).sha256().equals(b.get(i).sha256())) return false;
        }
        return true;
    }

    /** The manifest a stage last wrote, or null when there is none or it cannot be read. */
    public static StageManifest readManifest(Path path) {
        if (!Files.isRegularFile(path)) return null;
        try {
            return Json.MAPPER.readValue(path.toFile(), StageManifest.class);
        } catch (IOException e) {
            return null;
        }
    }

    private Path newStagingDir(Stage stage) {
        try {
            Files.createDirectories(catalog.stagingRoot());
            return Files.createTempDirectory(catalog.stagingRoot(), stage.name() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create staging folder under " + catalog.stagingRoot(), e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + from + " to " + to, e);
        }
    }
}
