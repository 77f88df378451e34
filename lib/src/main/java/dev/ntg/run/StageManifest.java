package dev.ntg.run;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * The {@code _manifest.json} a stage writes beside its outputs: what ran, on what, with which config, and
 * what it produced. Wall-clock times live here and never inside data files.
 */
public record StageManifest(
        String stage,
        String libVersion,
        String libFingerprint,
        String gitCommit,
        boolean gitDirty,
        JsonNode config,
        String configHash,
        List<String> configSources,
        long seed,
        List<FileEntry> inputs,
        List<FileEntry> outputs,
        Map<String, Object> metrics,
        String startedAt,
        String finishedAt,
        double durationSeconds) {

    /**
     * One input or output file.
     *
     * @param name   artifact name (or the file name of an external input)
     * @param path   path relative to the work dir, or absolute for external inputs
     * @param sha256 content hash
     * @param rows   row count for Parquet files, null otherwise
     */
    public record FileEntry(String name, String path, String sha256, Long rows) {
    }
}
