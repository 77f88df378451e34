package dev.ntg.io;

/**
 * A named pipeline file, by its path relative to the work dir. Stages declare artifacts, never raw paths.
 *
 * @param name         short name used in manifests and messages
 * @param relativePath where it lives under the work dir (forward slashes)
 * @param producer     the CLI command that writes it, for "run X first" messages
 */
public record Artifact(String name, String relativePath, String producer) {
    public boolean isParquet() {
        return relativePath.endsWith(".parquet");
    }
}
