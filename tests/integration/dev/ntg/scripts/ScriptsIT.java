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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JBang is not installable here, so the scripts run the way JBang would run them minus dependency resolution:
 * through the JDK's source-file launcher with the lib's runtime classpath. Run in numeric order on a tiny
 * synthetic service, they are the whole pipeline.
 */
@DisplayName("the numbered scripts, run through the JDK source launcher in order")
class ScriptsIT {
    @TempDir
    Path work;

    @Test
    @DisplayName("each exits 0 and the run ends with the split written")
    void runInOrder() throws Exception {
        Path root = TestPipeline.projectDir();
        String cp = root.resolve("target/classes") + File.pathSeparator
                + Files.readString(root.resolve("target/classpath.txt")).strip();
        for (Path script : ScriptDepsTest.scripts()) {
            if (!script.getFileName().toString().matches("\\d\\d_.*")) continue;
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", cp, script.toString(), "--workdir", work.toString(), "--config", root.resolve("configs/dev.yaml").toString(),
                    "--set", "dataset.synthetic.events=3000", "--set", "dataset.synthetic.users=100", "--set", "dataset.synthetic.items=80",
                    "--set", "project.duckdb_memory_limit=1GB", "--set", "churn.min_users=1"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), script + " timed out");
            assertEquals(0, p.exitValue(), script + " failed:\n" + out);
        }
        assertTrue(Files.exists(work.resolve("data/processed/splits/split_manifest.json")));
    }
}
