package dev.ntg.run;

import dev.ntg.io.Hashing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Where a report came from, stamped into every JSON report by the stage that writes it (and into the run summary).
 * Every field is a function of the stage's config, the bytes it read and the code, never of the clock: an unchanged
 * rerun writes the same block, and a report fitted on TRAIN keeps its bytes when VAL or TEST are rewritten.
 *
 * @param runId           the first 16 hex digits of SHA-256 over the config hash, then one line {@code "\n<path> <sha256>"}
 *                        per input in the order the stage declares them: equal config and inputs, equal id
 * @param configHash      hash of the stage's effective config slice, as in its {@code _manifest.json}
 * @param dataFingerprint SHA-256 over one line {@code "<path> <sha256>\n"} per event-data input in {@link #dataFiles}:
 *                        the raw log for build-dataset, TRAIN only for the fitting stages, the split parts an evaluation
 *                        stage reads (the SHA-256 of nothing when a stage reads no event file itself)
 * @param dataFiles       the event-data inputs the fingerprint covers
 * @param inputs          every input with its hash, exactly as in the stage's {@code _manifest.json}
 * @param gitCommit       HEAD of the git checkout holding the work dir ("unknown" outside git)
 * @param gitDirty        whether that checkout had uncommitted changes to tracked files
 * @param libVersion      the library version
 */
public record Provenance(String runId, String configHash, String dataFingerprint, List<String> dataFiles, List<Input> inputs,
                         String gitCommit, boolean gitDirty, String libVersion) {

    /** An input file and its content hash. */
    public record Input(String name, String path, String sha256) {
    }

    /**
     * @param inputs        the stage's inputs as its manifest records them
     * @param eventDataPaths which of those paths hold events (split parts, the canonical or raw log)
     */
    public static Provenance of(String configHash, List<StageManifest.FileEntry> inputs, Set<String> eventDataPaths, BuildInfo.Git git) {
        StringBuilder id = new StringBuilder(configHash);
        StringBuilder data = new StringBuilder();
        List<Input> listed = inputs.stream().map(f -> new Input(f.name(), f.path(), f.sha256())).toList();
        for (Input in : listed) {
            id.append('\n').append(in.path()).append(' ').append(in.sha256());
            if (eventDataPaths.contains(in.path())) data.append(in.path()).append(' ').append(in.sha256()).append('\n');
        }
        List<String> dataFiles = listed.stream().map(Input::path).filter(eventDataPaths::contains).toList();
        return new Provenance(Hashing.sha256(id.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16), configHash,
                Hashing.sha256(data.toString().getBytes(StandardCharsets.UTF_8)), dataFiles, listed, git.commit(), git.dirty(),
                BuildInfo.libVersion());
    }
}
