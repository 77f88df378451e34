package dev.ntg.cli;

import dev.ntg.io.Hashing;
import dev.ntg.run.StageManifest;
import dev.ntg.run.StageRunner;
import dev.ntg.testing.TestPipeline;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("run-all killed with SIGKILL in the middle of a stage")
class RunAllFaultIT {
    @TempDir
    Path tmp;

    private static final List<String> SETTINGS = List.of("--set", "dataset.synthetic.events=500000", "--set", "dataset.synthetic.users=4000",
            "--set", "dataset.synthetic.items=2000", "--set", "project.duckdb_memory_limit=1GB",
            "--set", "taste.bootstrap=1", "--set", "ranking.bootstrap_resamples=50");

    private Process start(Path work) throws IOException {
        Path root = TestPipeline.projectDir();
        String cp = root.resolve("target/classes") + File.pathSeparator + Files.readString(root.resolve("target/classpath.txt")).strip();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", cp, NtgCli.class.getName(), "--workdir", work.toString(), "--config", root.resolve("configs/base.yaml").toString()));
        cmd.addAll(SETTINGS);
        cmd.add("run-all");
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(work.resolve("../" + work.getFileName() + ".log").toFile()).start();
    }

    @Test
    @DisplayName("leaves no partial artifact, and a rerun equals a clean run")
    void killAndResume() throws Exception {
        Path clean = Files.createDirectories(tmp.resolve("clean"));
        Process c = start(clean);
        assertTrue(c.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, c.exitValue(), Files.readString(tmp.resolve("clean.log")));

        Path killed = Files.createDirectories(tmp.resolve("killed"));
        Process k = start(killed);
        Path staging = killed.resolve(".ntg-staging");
        // wait until a stage after the first is busy writing into its staging folder, then pull the plug
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline && !busyWith(staging, "build-dataset-")) Thread.sleep(20);
        assertTrue(busyWith(staging, "build-dataset-"), "build-dataset never started: " + Files.readString(tmp.resolve("killed.log")));
        k.destroyForcibly();
        k.waitFor();

        assertConsistent(killed);
        Process r = start(killed);
        assertTrue(r.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, r.exitValue(), Files.readString(tmp.resolve("killed.log")));
        assertEquals(dataHashes(clean), dataHashes(killed));
    }

    private static boolean busyWith(Path staging, String prefix) throws IOException {
        if (!Files.isDirectory(staging)) return false;
        try (Stream<Path> s = Files.list(staging)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith(prefix));
        }
    }

    /** Every manifest present describes outputs that are exactly what is on disk: nothing half-written looks whole. */
    private static void assertConsistent(Path work) throws IOException {
        try (Stream<Path> s = Files.walk(work)) {
            for (Path m : s.filter(p -> p.getFileName().toString().equals("_manifest.json")).toList()) {
                StageManifest manifest = StageRunner.readManifest(m);
                for (StageManifest.FileEntry f : manifest.outputs()) {
                    Path out = work.resolve(f.path());
                    assertTrue(Files.isRegularFile(out), out + " listed in " + m + " is missing");
                    assertEquals(f.sha256(), Hashing.sha256(out), out + " differs from its manifest");
                }
            }
        }
    }

    private static Map<String, String> dataHashes(Path work) {
        Map<String, String> out = new TreeMap<>();
        for (String dir : new String[]{"data", "outputs"}) {
            Path root = work.resolve(dir);
            if (!Files.exists(root)) continue;
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("_manifest.json"))
                        .filter(p -> !p.toString().contains(".duckdb_tmp"))
                        .forEach(p -> out.put(work.relativize(p).toString(), Hashing.sha256(p)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
