package dev.ntg.leakage;

import java.util.List;

/**
 * {@code outputs/reports/leakage_check.json}: the outcome of {@link TamperCheck} (schema
 * {@code leakage_check.schema.json}). Holds no wall-clock values, so the same run checked twice gives the same bytes.
 *
 * @param splitSha256 the untouched TRAIN, VAL and TEST files the check started from
 * @param passed      every case passed
 */
public record LeakageCheckReport(String schemaVersion, String report, SplitHashes splitSha256, List<Case> cases, boolean passed) {
    public static final String SCHEMA = "leakage_check.schema.json";
    public static final String SCHEMA_VERSION = "1";

    public record SplitHashes(String train, String val, String test) {
    }

    /**
     * One rewrite of one split file, and what it did to every artifact after the split.
     *
     * @param rewritten   the split file rewritten (relative path)
     * @param change      what the rewrite did
     * @param expectation what must hold for the case to pass
     * @param moved       the artifacts whose bytes changed
     * @param violations  the artifacts that changed although they must not (empty when the case passed), or, for the
     *                    sensitivity case, a note that nothing moved
     */
    public record Case(String name, String rewritten, String change, long rowsBefore, long rowsAfter, String sha256Before,
                       String sha256After, String expectation, List<ArtifactOutcome> artifacts, List<String> moved,
                       List<String> violations, boolean passed) {
    }

    /** One artifact in one case: its role, whether it had to keep its bytes, and whether it did. */
    public record ArtifactOutcome(String path, String stage, LeakageRole role, boolean mustNotMove, boolean moved) {
    }
}
