package dev.ntg.report.notebook;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ntg.NtgException;
import dev.ntg.data.SplitManifest;
import dev.ntg.io.Artifact;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Json;
import dev.ntg.io.PathCatalog;
import dev.ntg.report.DuckTables;
import dev.ntg.report.EvaluateStage;
import dev.ntg.report.SchemaValidator;
import dev.ntg.run.StageManifest;
import dev.ntg.run.StageRunner;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Read-only access to one work dir's artifacts, for notebooks: typed manifests, and Parquet files as Tablesaw
 * tables. Paths come from {@link PathCatalog}; a missing artifact is an error that names the command writing it.
 * Holds one in-memory DuckDB session, opened on first use.
 */
public final class Artifacts implements AutoCloseable {
    /** The environment variable the CLI also honours: the folder that holds data/ and outputs/. */
    public static final String WORKDIR_ENV = "NTG_WORKDIR";
    /** Set by the notebooks' first cell ({@code notebooks/ntg-classpath.jsh}) to the project it found. */
    public static final String PROJECT_DIR_PROPERTY = "ntg.project.dir";

    private final PathCatalog catalog;
    private DuckSession duck;
    private SplitManifest splitManifest;
    private final Map<Artifact, JsonNode> json = new HashMap<>();
    private final Set<Artifact> schemaChecked = new HashSet<>();

    private Artifacts(Path workDir) {
        this.catalog = new PathCatalog(workDir);
    }

    /** The artifacts under {@code workDir}. */
    public static Artifacts open(Path workDir) {
        if (!Files.isDirectory(workDir)) {
            throw new NtgException("work dir " + workDir.toAbsolutePath() + " does not exist: run `./ntg run-all` or point "
                    + WORKDIR_ENV + " at a folder that holds data/");
        }
        return new Artifacts(workDir);
    }

    /**
     * The artifacts of the default work dir: {@code $NTG_WORKDIR}, else the project found by the notebook's first
     * cell ({@code -Dntg.project.dir}), else the nearest folder at or above the current one that holds the
     * {@code ntg} launcher, else the current folder.
     */
    public static Artifacts open() {
        return open(defaultWorkDir(System.getenv(WORKDIR_ENV), System.getProperty(PROJECT_DIR_PROPERTY), Path.of("")));
    }

    static Path defaultWorkDir(String env, String projectProperty, Path cwd) {
        if (env != null && !env.isBlank()) return Path.of(env).toAbsolutePath().normalize();
        if (projectProperty != null && !projectProperty.isBlank()) return Path.of(projectProperty).toAbsolutePath().normalize();
        Path start = cwd.toAbsolutePath().normalize();
        for (Path d = start; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("ntg")) && Files.isRegularFile(d.resolve("pom.xml"))) return d;
        }
        return start;
    }

    public Path workDir() {
        return catalog.workDir();
    }

    /** The path of an artifact, which must exist. */
    public Path path(Artifact artifact) {
        Path p = catalog.resolve(artifact);
        if (!Files.exists(p)) {
            throw new NtgException(artifact.relativePath() + " not found under " + workDir() + ": run `./ntg "
                    + artifact.producer() + "` (or `./ntg run-all`) with this work dir first");
        }
        return p;
    }

    /** {@code split_manifest.json}, read once. */
    public SplitManifest splitManifest() {
        if (splitManifest == null) {
            Path p = path(PathCatalog.SPLIT_MANIFEST);
            try {
                splitManifest = Json.MAPPER.readerFor(SplitManifest.class)
                        .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(p.toFile());
            } catch (IOException e) {
                throw new NtgException("cannot read " + p + ": " + e.getMessage(), e);
            }
        }
        return splitManifest;
    }

    /** A JSON artifact, read once. Prefer {@link #report} for a published report: it is also checked against its schema. */
    public JsonNode json(Artifact artifact) {
        return json.computeIfAbsent(artifact, a -> Json.read(path(a)));
    }

    /**
     * A published JSON report (one of {@link EvaluateStage#REPORTS}), read once and checked against its JSON Schema as
     * the evaluate stage checks it: a report edited by hand or left over from older code fails here, naming the file.
     */
    public JsonNode report(Artifact artifact) {
        EvaluateStage.ReportSpec spec = EvaluateStage.REPORTS.stream().filter(r -> r.artifact().equals(artifact)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(artifact.relativePath() + " is not a published report; read it with json()"));
        JsonNode doc = json(artifact);
        if (!schemaChecked.contains(artifact)) {
            SchemaValidator.of(spec.schema()).check(doc, artifact.relativePath());
            schemaChecked.add(artifact);
        }
        return doc;
    }

    /**
     * The {@code _manifest.json} of the stage that wrote {@code artifact}, which the stage keeps in the artifact's folder:
     * the effective config it ran with, its inputs and outputs.
     */
    public StageManifest stageManifest(Artifact artifact) {
        Path file = path(artifact).resolveSibling("_manifest.json");
        StageManifest m = StageRunner.readManifest(file);
        if (m == null || !artifact.producer().equals(m.stage())) {
            throw new NtgException("no readable manifest of `" + artifact.producer() + "` at " + file + ": rerun `./ntg "
                    + artifact.producer() + "` with this work dir");
        }
        return m;
    }

    /** A Parquet artifact, whole, as a table named after it. */
    public Table table(Artifact artifact) {
        return query("SELECT * FROM " + parquet(artifact), artifact.name());
    }

    /** Any query over artifacts (use {@link #parquet(Artifact)} in its FROM clauses) as a table. */
    public Table query(String sql, String name) {
        return DuckTables.query(duck(), sql, name);
    }

    /** A FROM-clause expression reading a Parquet artifact. */
    public String parquet(Artifact artifact) {
        return DuckSession.parquet(path(artifact));
    }

    /** The session queries run in (in-memory, UTC). */
    public DuckSession duck() {
        if (duck == null) duck = DuckSession.inMemory();
        return duck;
    }

    /** One line saying which work dir this is and what split it holds. */
    public String describe() {
        SplitManifest m = splitManifest();
        long events = m.parts().values().stream().mapToLong(SplitManifest.PartStats::rows).sum();
        return String.format("Work dir %s: %,d events from source '%s', split into train / val / test at %s and %s.",
                shown(workDir()), events, m.source().kind(), m.valStart(), m.testStart());
    }

    /** The work dir as a reader should see it: relative to the project when inside it, so outputs hold no machine path. */
    private static String shown(Path workDir) {
        String project = System.getProperty(PROJECT_DIR_PROPERTY);
        if (project != null && !project.isBlank()) {
            Path p = Path.of(project).toAbsolutePath().normalize();
            if (workDir.equals(p)) return "<project>";
            if (workDir.startsWith(p)) return "<project>/" + p.relativize(workDir);
        }
        return workDir.toString();
    }

    @Override
    public void close() {
        if (duck != null) {
            duck.close();
            duck = null;
        }
    }

    @Override
    public String toString() {
        return "Artifacts[" + workDir() + "]";
    }
}
