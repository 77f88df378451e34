package dev.ntg.run;

import dev.ntg.config.NtgConfig;
import dev.ntg.io.Artifact;

import java.nio.file.Path;
import java.util.List;

/**
 * One pipeline stage: what it reads, what it writes and which config sections it depends on. Its body
 * computes; {@link StageRunner} checks inputs, stages outputs atomically and writes the manifest around it.
 */
public interface Stage {
    /** The CLI command name, e.g. {@code build-dataset}. */
    String name();

    /** One line for {@code ntg --help}. */
    String description();

    /** The folder (relative to the work dir) that holds this stage's {@code _manifest.json}. */
    String manifestDir();

    /** Pipeline artifacts read; each must exist before the stage runs. */
    List<Artifact> inputs(NtgConfig config);

    /** Files outside the pipeline that are read (a raw event log), hashed into the manifest. */
    default List<Path> externalInputs(NtgConfig config, Path workDir) {
        return List.of();
    }

    /** Every artifact written; the stage must write each one. */
    List<Artifact> outputs(NtgConfig config);

    /** Top-level config sections read; only these go into the config hash. */
    List<String> configSections();

    void run(StageContext ctx) throws Exception;
}
