package dev.ntg.io;

import java.nio.file.Path;

/**
 * The only class that knows where artifacts live. Every stage's inputs and outputs are constants here;
 * {@link #resolve(Artifact)} turns one into a path under the work dir.
 */
public final class PathCatalog {
    // 00 generate-events: the embedded synthetic service and its ground truth
    public static final Artifact SYNTHETIC_EVENTS = new Artifact("synthetic_events", "data/raw/synthetic/events.parquet", "generate-events");
    public static final Artifact SYNTHETIC_ITEMS = new Artifact("synthetic_items", "data/raw/synthetic/items.parquet", "generate-events");
    public static final Artifact TRUTH_USERS = new Artifact("truth_users", "data/external/synthetic_truth/users.parquet", "generate-events");
    public static final Artifact TRUTH_ITEMS = new Artifact("truth_items", "data/external/synthetic_truth/items.parquet", "generate-events");
    public static final Artifact TRUTH_CHURN = new Artifact("truth_churn", "data/external/synthetic_truth/churn.parquet", "generate-events");
    public static final Artifact TRUTH_MANIFEST = new Artifact("truth_manifest", "data/external/synthetic_truth/truth.json", "generate-events");

    // 01 build-dataset
    public static final Artifact EVENTS = new Artifact("events", "data/processed/events.parquet", "build-dataset");
    public static final Artifact ITEMS = new Artifact("items", "data/processed/items.parquet", "build-dataset");
    public static final Artifact REJECTS = new Artifact("rejects", "data/processed/rejects.parquet", "build-dataset");
    public static final Artifact TRAIN = new Artifact("train", "data/processed/splits/train.parquet", "build-dataset");
    public static final Artifact VAL = new Artifact("val", "data/processed/splits/val.parquet", "build-dataset");
    public static final Artifact TEST = new Artifact("test", "data/processed/splits/test.parquet", "build-dataset");
    public static final Artifact SPLIT_MANIFEST = new Artifact("split_manifest", "data/processed/splits/split_manifest.json", "build-dataset");

    // 02 build-features
    public static final Artifact USER_FEATURES = new Artifact("user_features", "data/features/users.parquet", "build-features");
    public static final Artifact ITEM_FEATURES = new Artifact("item_features", "data/features/items.parquet", "build-features");
    public static final Artifact INTERACTION_FEATURES = new Artifact("interaction_features", "data/features/interactions.parquet", "build-features");
    public static final Artifact FEATURE_MANIFEST = new Artifact("feature_manifest", "data/features/feature_manifest.json", "build-features");
    // 03 build-graph
    public static final Artifact ITEM_EDGES = new Artifact("item_edges", "outputs/graph/item_edges.parquet", "build-graph");
    public static final Artifact GRAPH_DIAGNOSTICS = new Artifact("graph_diagnostics", "outputs/graph/graph_diagnostics.json", "build-graph");
    // 04 build-taste
    public static final Artifact TASTE_AXES = new Artifact("taste_axes", "outputs/taste/axes.parquet", "build-taste");
    public static final Artifact ITEM_AXES = new Artifact("item_axes", "outputs/taste/item_axes.parquet", "build-taste");
    public static final Artifact USER_TASTE = new Artifact("user_taste", "outputs/taste/user_taste.parquet", "build-taste");
    public static final Artifact TASTE_DIAGNOSTICS = new Artifact("taste_diagnostics", "outputs/taste/taste_diagnostics.json", "build-taste");
    public static final Artifact USER_FACTORS = new Artifact("user_factors", "outputs/embeddings/user_factors.parquet", "build-taste");
    public static final Artifact ITEM_FACTORS = new Artifact("item_factors", "outputs/embeddings/item_factors.parquet", "build-taste");
    // 05 rank
    public static final Artifact RANKING_BLEND = new Artifact("ranking_blend", "outputs/ranking/blend.json", "rank");
    public static final Artifact RANKING_CANDIDATES = new Artifact("ranking_candidates", "outputs/ranking/candidates.parquet", "rank");
    public static final Artifact RANKING_REPORT = new Artifact("ranking_report", "outputs/reports/ranking.json", "rank");

    // 06 score-churn
    public static final Artifact CHURN_EXAMPLES = new Artifact("churn_examples", "outputs/churn/training_examples.parquet", "score-churn");
    public static final Artifact CHURN_MODEL = new Artifact("churn_model", "outputs/churn/model.json", "score-churn");
    public static final Artifact CHURN_SELECTION = new Artifact("churn_selection", "outputs/churn/selection.json", "score-churn");
    public static final Artifact CHURN_SCORES = new Artifact("churn_scores", "outputs/churn/scores.parquet", "score-churn");
    /** The latest cutoff's (TEST start) probabilities without their outcomes: what a retention plan acts on. */
    public static final Artifact LATEST_CHURN_SCORES = new Artifact("latest_churn_scores", "outputs/churn/latest_scores.parquet", "score-churn");
    public static final Artifact CHURN_REPORT = new Artifact("churn_report", "outputs/reports/churn.json", "score-churn");

    // 07 plan-retention
    public static final Artifact VALUE_AT_RISK = new Artifact("value_at_risk", "outputs/decisions/value_at_risk.parquet", "plan-retention");
    public static final Artifact RETENTION_PLAN = new Artifact("retention_plan", "outputs/decisions/plan.parquet", "plan-retention");
    public static final Artifact ASSIGNMENT = new Artifact("assignment", "outputs/decisions/assignment.parquet", "plan-retention");
    public static final Artifact DECISIONS_REPORT = new Artifact("decisions_report", "outputs/reports/decisions.json", "plan-retention");

    // 08 evaluate: the run summary that links every report, the figures, the HTML report, the published schemas
    public static final Artifact RUN_SUMMARY = new Artifact("run_summary", "outputs/reports/run_summary.json", "evaluate");
    /** Written by {@code ntg check-leakage}, not by a stage: the tamper test is run on demand, not on every run. */
    public static final Artifact LEAKAGE_CHECK = new Artifact("leakage_check", "outputs/reports/leakage_check.json", "check-leakage");
    public static final Artifact HTML_REPORT = new Artifact("html_report", "reports/index.html", "evaluate");

    /** A figure of the HTML report, {@code reports/figures/<name>.png}. */
    public static Artifact figure(String name) {
        return new Artifact("figure_" + name, "reports/figures/" + name + ".png", "evaluate");
    }

    /** The same figure as SVG, {@code reports/figures/<name>.svg}, for print and zooming. */
    public static Artifact figureSvg(String name) {
        return new Artifact("figure_" + name + "_svg", "reports/figures/" + name + ".svg", "evaluate");
    }

    /** A published copy of a JSON Schema, {@code reports/schemas/<file>}. */
    public static Artifact publishedSchema(String file) {
        return new Artifact("schema_" + file.replace(".schema.json", ""), "reports/schemas/" + file, "evaluate");
    }

    /**
     * Whether an artifact holds events (the synthetic raw log, the canonical log, a split part): the files a report's
     * data fingerprint covers. A stage's external inputs (a raw log) hold events too.
     */
    public static boolean holdsEvents(Artifact artifact) {
        return artifact.equals(SYNTHETIC_EVENTS) || artifact.equals(EVENTS) || artifact.equals(TRAIN) || artifact.equals(VAL)
                || artifact.equals(TEST);
    }

    private final Path workDir;

    public PathCatalog(Path workDir) {
        this.workDir = workDir.toAbsolutePath().normalize();
    }

    public Path workDir() {
        return workDir;
    }

    public Path resolve(Artifact artifact) {
        return workDir.resolve(artifact.relativePath());
    }

    /**
     * How a file is named in artifacts: relative to the work dir when inside it, so outputs do not depend on
     * where the project lives; absolute otherwise.
     */
    public String label(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(workDir) ? workDir.relativize(abs).toString() : abs.toString();
    }

    /** The folder that holds a stage's {@code _manifest.json}. */
    public Path manifestOf(String manifestDir) {
        return workDir.resolve(manifestDir).resolve("_manifest.json");
    }

    /** Scratch space for a stage run's outputs before they are moved into place (same file system). */
    public Path stagingRoot() {
        return workDir.resolve(".ntg-staging");
    }
}
