package dev.ntg.cli;

import dev.ntg.config.ConfigException;
import dev.ntg.config.ConfigLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("The launcher's heap comes from project.jvm_heap of the config the command will load")
class LauncherHeapTest {
    @Test
    @DisplayName("base.yaml's 4g, a --set, and an explicit --config")
    void fromConfig(@TempDir Path work) throws IOException {
        String w = work.toString();
        assertEquals(Optional.of("-Xmx4g"), LauncherHeap.option("--workdir", w, "rank"));
        assertEquals(Optional.of("-Xmx7g"), LauncherHeap.option("--workdir", w, "--set", "project.jvm_heap=7g", "run-all", "--force"));
        Path overlay = Files.writeString(work.resolve("big.yaml"), "project:\n  jvm_heap: \"12g\"\n");
        assertEquals(Optional.of("-Xmx12g"), LauncherHeap.option("--workdir", w, "--config", overlay.toString(), "score-churn"));
    }

    @Test
    @DisplayName("the work dir's configs/dev.yaml counts for a stage but not for the bench, which reads only an explicit --config")
    void devOverlay(@TempDir Path work) throws IOException {
        Files.createDirectories(work.resolve("configs"));
        Files.writeString(work.resolve("configs/dev.yaml"), "project:\n  jvm_heap: \"3g\"\n");
        Path overlay = Files.writeString(work.resolve("b.yaml"), "project:\n  jvm_heap: \"10g\"\n");
        String w = work.toString();
        assertEquals(Optional.of("-Xmx3g"), LauncherHeap.option("--workdir", w, "build-graph"));
        assertEquals(Optional.of("-Xmx4g"), LauncherHeap.option("--workdir", w, "bench", "--events", "1000"));
        assertEquals(Optional.of("-Xmx10g"), LauncherHeap.option("--workdir", w, "--config", overlay.toString(), "bench"));
    }

    @Test
    @DisplayName("a bad value or command line prints nothing (the run reports it); the config error names the key")
    void invalid(@TempDir Path work) {
        String w = work.toString();
        assertEquals(Optional.empty(), LauncherHeap.option("--workdir", w, "--set", "project.jvm_heap=10GB", "rank"));
        assertEquals(Optional.empty(), LauncherHeap.option("--workdir", w, "--no-such-option", "rank"));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.fromBase().set("project.jvm_heap=10GB").load());
        assertTrue(e.getMessage().contains("jvm_heap") && e.getMessage().contains("512m"), e.getMessage());
    }
}
