package dev.ntg.scripts;

import dev.ntg.testing.TestPipeline;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JBang is not installable here, so the scripts run the way JBang would run them minus dependency resolution:
 * through the JDK's source-file launcher with the lib's runtime classpath. Run in numeric order on a tiny
 * synthetic service, they are the whole pipeline; run_all.java then finds every stage up to date.
 */
@DisplayName("the JBang scripts, run through the JDK source launcher")
class ScriptsIT {
    private static final List<String> STAGES = List.of("generate-events", "build-dataset", "build-features", "build-graph", "build-taste",
            "rank", "score-churn", "plan-retention", "evaluate");

    @TempDir
    Path work;

    @Test
    @DisplayName("the numbered ones each exit 0 in order; run_all.java then skips every stage, and with --from reruns from there")
    void runInOrder() throws Exception {
        Path root = TestPipeline.projectDir();
        for (Path script : ScriptDepsTest.scripts()) {
            if (!script.getFileName().toString().matches("\\d\\d_.*")) continue;
            run(root, script);
        }
        assertTrue(Files.exists(work.resolve("data/processed/splits/split_manifest.json")));

        Path runAll = root.resolve("scripts/run_all.java");
        String rerun = run(root, runAll);
        for (String stage : STAGES) assertThat(rerun).as("run_all.java output").containsPattern("(?m)^" + stage + " +up to date$");

        String from = run(root, runAll, "--from", "evaluate");
        for (String stage : STAGES.subList(0, STAGES.size() - 1)) assertThat(from).containsPattern("(?m)^" + stage + " +up to date$");
        assertThat(from).as("--from evaluate reruns evaluate").containsPattern("(?m)^evaluate +[0-9.]+ s$");
    }

    /** Runs a script with the tiny service's options (global ones after the command, as JBang passes them); returns its output. */
    private String run(Path root, Path script, String... extra) throws Exception {
        String cp = root.resolve("target/classes") + File.pathSeparator + Files.readString(root.resolve("target/classpath.txt")).strip();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp, script.toString(), "--workdir", work.toString(), "--config", root.resolve("configs/dev.yaml").toString(),
                "--set", "dataset.synthetic.events=3000", "--set", "dataset.synthetic.users=100", "--set", "dataset.synthetic.items=80",
                "--set", "project.duckdb_memory_limit=1GB", "--set", "churn.min_users=1"));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), script + " timed out");
        assertEquals(0, p.exitValue(), script + " failed:\n" + out);
        return out;
    }
}
