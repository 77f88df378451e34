package dev.ntg.leakage;

import dev.ntg.NtgException;
import dev.ntg.config.LoadedConfig;
import dev.ntg.io.Artifact;
import dev.ntg.io.DuckSession;
import dev.ntg.io.FileTrees;
import dev.ntg.io.Hashing;
import dev.ntg.io.PathCatalog;
import dev.ntg.run.Stage;
import dev.ntg.run.StageRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The tamper test, run on a work dir whose split exists: in a scratch copy of what the stages after the split read,
 * run each of them once as is, then once more after each rewrite, and compare every output's bytes.
 * <ul>
 *   <li>VAL rewritten: every FITTED artifact must keep its bytes;</li>
 *   <li>TEST rewritten: every FITTED and VAL_TUNED artifact must keep its bytes;</li>
 *   <li>one TRAIN event moved: at least one FITTED artifact must change, which shows the comparison can fail.</li>
 * </ul>
 * Every stage is rerun unconditionally after a rewrite (not skipped on unchanged declared inputs), so a stage that
 * reads a file it does not declare is caught too. The user's own artifacts are never written to.
 */
public final class TamperCheck {
    private static final Logger LOG = LoggerFactory.getLogger(TamperCheck.class);
    /** Scratch copies live beside the run (same file system, same git checkout for provenance), removed at the end. */
    public static final String SCRATCH_DIR = ".ntg-leakage-check";

    private final LoadedConfig config;
    private final List<Stage> afterSplit;
    private final LeakageRoles roles;

    /**
     * @param afterSplit the stages that run after build-dataset, in run order
     * @param roles      the role of each of their outputs
     */
    public TamperCheck(LoadedConfig config, List<Stage> afterSplit, LeakageRoles roles) {
        this.config = config;
        this.afterSplit = List.copyOf(afterSplit);
        this.roles = roles;
    }

    public LeakageCheckReport run(Path workDir) {
        PathCatalog user = new PathCatalog(workDir);
        for (Artifact part : List.of(PathCatalog.TRAIN, PathCatalog.VAL, PathCatalog.TEST)) {
            if (!Files.isRegularFile(user.resolve(part))) {
                throw new NtgException("the leakage check needs " + part.relativePath() + ", which does not exist yet: run `ntg "
                        + part.producer() + "` (or `ntg run-all`) first");
            }
        }
        Map<Artifact, LeakageRole> outputs = classifiedOutputs();
        Path scratch = workDir.resolve(SCRATCH_DIR);
        FileTrees.delete(scratch);
        try {
            Path base = scratch.resolve("untouched");
            copyReadFiles(workDir, base);
            Map<Artifact, String> before = runAll(base, outputs);
            List<LeakageCheckReport.Case> cases = new ArrayList<>();
            for (SplitWindow w : SplitWindow.values()) {
                cases.add(rewriteCase(base, scratch.resolve(w.name().toLowerCase()), w.part(), "rewrite " + w.name(),
                        "about half the rows dropped, timestamps shuffled among the rest, values flipped (v → 6 − v), "
                                + "and events of 50 new users on 7 new items plus 50 new events of known users injected",
                        SplitRewrite::tamper, outputs, before, w));
            }
            cases.add(rewriteCase(base, scratch.resolve("train"), PathCatalog.TRAIN, "move one TRAIN event",
                    "the latest TRAIN event moved one hour earlier (still in TRAIN)",
                    SplitRewrite::moveLastEventEarlier, outputs, before, null));
            PathCatalog b = new PathCatalog(base);
            var split = new LeakageCheckReport.SplitHashes(Hashing.sha256(b.resolve(PathCatalog.TRAIN)),
                    Hashing.sha256(b.resolve(PathCatalog.VAL)), Hashing.sha256(b.resolve(PathCatalog.TEST)));
            return new LeakageCheckReport(LeakageCheckReport.SCHEMA_VERSION, "leakage_check", split, cases,
                    cases.stream().allMatch(LeakageCheckReport.Case::passed));
        } finally {
            FileTrees.delete(scratch);
        }
    }

    /**
     * Copies the untouched run, rewrites one split file there, reruns everything after the split and compares.
     *
     * @param window the window rewritten, or null for the TRAIN sensitivity case (where something fitted must move)
     */
    private LeakageCheckReport.Case rewriteCase(Path base, Path dir, Artifact part, String name, String change,
                                                BiConsumer<DuckSession, Path> rewrite, Map<Artifact, LeakageRole> outputs,
                                                Map<Artifact, String> before, SplitWindow window) {
        LOG.info("leakage check: {}", name);
        copyTree(base, dir);
        Path file = new PathCatalog(dir).resolve(part);
        String hashBefore = Hashing.sha256(file);
        long rowsBefore;
        long rowsAfter;
        try (DuckSession duck = DuckSession.open(config.config().project(), dir)) {
            rowsBefore = duck.queryLong("SELECT count(*) FROM " + DuckSession.parquet(file));
            rewrite.accept(duck, file);
            rowsAfter = duck.queryLong("SELECT count(*) FROM " + DuckSession.parquet(file));
        }
        String hashAfter = Hashing.sha256(file);
        if (hashAfter.equals(hashBefore)) {
            throw new IllegalStateException("the rewrite of " + part.relativePath() + " left it unchanged: the check would prove nothing");
        }
        Map<Artifact, String> after = runAll(dir, outputs);

        List<LeakageCheckReport.ArtifactOutcome> artifacts = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        boolean fittedMoved = false;
        for (Map.Entry<Artifact, LeakageRole> e : outputs.entrySet()) {
            Artifact a = e.getKey();
            boolean changed = !before.get(a).equals(after.get(a));
            boolean mustNotMove = window != null && e.getValue().mustNotMoveWhenRewriting(window);
            artifacts.add(new LeakageCheckReport.ArtifactOutcome(a.relativePath(), a.producer(), e.getValue(), mustNotMove, changed));
            if (changed) moved.add(a.relativePath());
            if (changed && mustNotMove) violations.add(a.relativePath());
            fittedMoved |= changed && e.getValue() == LeakageRole.FITTED;
        }
        String expectation;
        if (window == null) {
            expectation = "at least one FITTED artifact changes (the comparison can fail)";
            if (!fittedMoved) violations.add("no FITTED artifact changed after a TRAIN edit: the check cannot see a change");
        } else {
            expectation = window == SplitWindow.VAL ? "every FITTED artifact keeps its bytes"
                    : "every FITTED and VAL_TUNED artifact keeps its bytes";
        }
        return new LeakageCheckReport.Case(name, part.relativePath(), change, rowsBefore, rowsAfter, hashBefore, hashAfter,
                expectation, artifacts, moved, violations, violations.isEmpty());
    }

    /** Runs every stage after the split unconditionally in {@code dir} and hashes every output. */
    private Map<Artifact, String> runAll(Path dir, Map<Artifact, LeakageRole> outputs) {
        PathCatalog catalog = new PathCatalog(dir);
        StageRunner runner = new StageRunner(catalog, config);
        for (Stage s : afterSplit) runner.run(s, false);
        Map<Artifact, String> hashes = new LinkedHashMap<>();
        for (Artifact a : outputs.keySet()) {
            Path file = catalog.resolve(a);
            hashes.put(a, Hashing.sha256(file));
        }
        return hashes;
    }

    private Map<Artifact, LeakageRole> classifiedOutputs() {
        Map<Artifact, LeakageRole> out = new LinkedHashMap<>();
        for (Stage s : afterSplit) {
            for (Artifact a : s.outputs(config.config())) out.put(a, roles.of(a));
        }
        return out;
    }

    /**
     * Copies into {@code base} only what the stages after the split read: the split itself (the check rewrites its
     * windows, and a leaky stage reads them by path, undeclared, which is what the check must catch), every input
     * those stages declare and none of them writes (the item table, the synthetic truth), and the stage manifests
     * under {@code data/}, which the run summary lists. The raw log and the canonical events stay behind: nothing
     * after the split reads them, and at scale they are most of {@code data/}, copied again for every case.
     */
    private void copyReadFiles(Path workDir, Path base) {
        Set<String> read = new TreeSet<>();
        for (Artifact a : List.of(PathCatalog.TRAIN, PathCatalog.VAL, PathCatalog.TEST, PathCatalog.SPLIT_MANIFEST)) read.add(a.relativePath());
        Set<Artifact> written = new HashSet<>();
        for (Stage s : afterSplit) written.addAll(s.outputs(config.config()));
        for (Stage s : afterSplit) {
            for (Artifact a : s.inputs(config.config())) if (!written.contains(a)) read.add(a.relativePath());
        }
        try (Stream<Path> s = Files.walk(workDir.resolve("data"))) {
            s.filter(p -> p.getFileName().toString().equals("_manifest.json")).forEach(p -> read.add(workDir.relativize(p).toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + workDir.resolve("data"), e);
        }
        try {
            for (String file : read) {
                Path from = workDir.resolve(file);
                if (!Files.isRegularFile(from)) continue;   // the stage runner names a missing input and who writes it
                Path to = base.resolve(file);
                Files.createDirectories(to.getParent());
                Files.copy(from, to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the run's inputs into " + base, e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }
}
