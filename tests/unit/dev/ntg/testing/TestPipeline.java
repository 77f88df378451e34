package dev.ntg.testing;

import dev.ntg.config.ConfigLoader;
import dev.ntg.config.LoadedConfig;
import dev.ntg.io.Artifact;
import dev.ntg.io.PathCatalog;
import dev.ntg.run.Stage;
import dev.ntg.run.StageRunner;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** Runs stages in a test's work dir with base.yaml plus {@code --set} overrides. */
public final class TestPipeline {
    private final PathCatalog catalog;
    private final LoadedConfig config;

    private TestPipeline(Path workDir, LoadedConfig config) {
        this.catalog = new PathCatalog(workDir);
        this.config = config;
    }

    /** base.yaml with the given {@code key=value} overrides, and a small DuckDB footprint. */
    public static TestPipeline create(Path workDir, String... sets) {
        ConfigLoader loader = ConfigLoader.fromBase().set("project.duckdb_memory_limit=1GB");
        for (String s : sets) loader.set(s);
        return new TestPipeline(workDir, loader.load());
    }

    /** configs/dev.yaml over base.yaml (the quick-start scale), then the given overrides. */
    public static TestPipeline dev(Path workDir, String... sets) {
        ConfigLoader loader = ConfigLoader.fromBase().overlay(projectDir().resolve("configs/dev.yaml")).set("project.duckdb_memory_limit=1GB");
        for (String s : sets) loader.set(s);
        return new TestPipeline(workDir, loader.load());
    }

    /** A pipeline over MovieLens 100K; skips the test with a clear message where the data is absent. */
    public static TestPipeline movieLens100k(Path workDir, String... sets) {
        String[] all = new String[sets.length + 2];
        all[0] = "dataset.source=movielens-100k";
        all[1] = "dataset.path=" + movieLens100kDir();
        System.arraycopy(sets, 0, all, 2, sets.length);
        return create(workDir, all);
    }

    /** Where MovieLens 100K is ($NTG_ML100K, else ../shared/data/ml-100k beside the project). */
    public static Path movieLens100kDir() {
        String env = System.getenv("NTG_ML100K");
        Path dir = env != null ? Path.of(env) : projectDir().resolve("../shared/data/ml-100k").normalize();
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("u.data")),
                "MovieLens 100K not found at " + dir + ": download ml-100k.zip from https://grouplens.org/datasets/movielens/100k/, "
                        + "unzip it there or point NTG_ML100K at the folder. Skipping.");
        return dir;
    }

    public static Path projectDir() {
        String p = System.getProperty("ntg.project.dir");
        return (p != null ? Path.of(p) : Path.of("")).toAbsolutePath().normalize();
    }

    /** A fixture file under tests/fixtures. */
    public static Path fixture(String relative) {
        return projectDir().resolve("tests/fixtures").resolve(relative);
    }

    /** Runs a stage unconditionally. */
    public StageRunner.Result run(Stage stage) {
        return new StageRunner(catalog, config).run(stage, false);
    }

    /** Runs a stage unless it is up to date. */
    public StageRunner.Result runIfStale(Stage stage) {
        return new StageRunner(catalog, config).run(stage, true);
    }

    public Path path(Artifact artifact) {
        return catalog.resolve(artifact);
    }

    /** A path relative to the work dir, as reports and manifests record them. */
    public Path workDirPath(String relative) {
        return catalog.workDir().resolve(relative);
    }

    public PathCatalog catalog() {
        return catalog;
    }

    public LoadedConfig config() {
        return config;
    }
}
