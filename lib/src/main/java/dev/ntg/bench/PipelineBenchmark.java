package dev.ntg.bench;

import dev.ntg.config.ConfigLoader;
import dev.ntg.config.LoadedConfig;
import dev.ntg.io.FileTrees;
import dev.ntg.io.Json;
import dev.ntg.io.PathCatalog;
import dev.ntg.run.Stage;
import dev.ntg.run.StageManifest;
import dev.ntg.run.StageRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the pipeline's stages on synthetic services of given sizes (shaped like MovieLens-25M: users and items
 * scale with events) and records, per stage, wall and CPU time, peak heap and RSS, rows and throughput in
 * {@code outputs/reports/bench.json}. Each size runs in its own scratch work dir, deleted afterwards.
 */
public final class PipelineBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineBenchmark.class);

    /**
     * One stage at one size.
     *
     * @param events         target events of the synthetic service
     * @param stage          stage name
     * @param rowsOut        rows written to Parquet outputs
     * @param eventsPerSecond events of the service divided by wall time
     * @param stageMetrics    the figures the stage put in its manifest (e.g. the graph kernel's pairs per second
     *                        and per-phase seconds)
     */
    public record Measurement(long events, String stage, double wallSeconds, double cpuSeconds, double peakHeapMib,
                              Double peakRssMib, long rowsOut, double eventsPerSecond, Map<String, Object> stageMetrics) {
    }

    /** The whole bench.json. */
    public record Report(String schemaVersion, String createdAt, String machine, String jvm, long maxHeapMib,
                         List<Measurement> measurements) {
    }

    private final Path workDir;
    private final List<String> overlays;

    /** @param overlays --set assignments applied on top of base.yaml for every size */
    public PipelineBenchmark(Path workDir, List<String> overlays) {
        this.workDir = workDir;
        this.overlays = overlays;
    }

    public Report run(List<Long> sizes, List<Stage> stages) {
        List<Measurement> out = new ArrayList<>();
        for (long events : sizes) {
            Path scratch = workDir.resolve("outputs/bench/events-" + events);
            ConfigLoader loader = ConfigLoader.fromBase().set("dataset.synthetic.events=" + events);
            overlays.forEach(loader::set);
            LoadedConfig config = loader.load();
            StageRunner runner = new StageRunner(new PathCatalog(scratch), config);
            ResourceProbe probe = new ResourceProbe();
            try {
                for (Stage stage : stages) {
                    probe.start();
                    StageRunner.Result r = runner.run(stage, false);
                    ResourceProbe.Usage u = probe.stop();
                    long rows = r.manifest().outputs().stream().mapToLong(f -> f.rows() == null ? 0 : f.rows()).sum();
                    Measurement m = new Measurement(events, stage.name(), u.wallSeconds(), u.cpuSeconds(), u.peakHeapMib(),
                            u.peakRssMib(), rows, Math.round(events / Math.max(u.wallSeconds(), 1e-3)), r.manifest().metrics());
                    LOG.info("bench {} events, {}: {}", events, stage.name(), m);
                    out.add(m);
                }
            } finally {
                FileTrees.delete(scratch);
            }
        }
        Report report = new Report("1", Instant.now().toString(), machine(), System.getProperty("java.vm.name") + " "
                + Runtime.version(), Runtime.getRuntime().maxMemory() / 1048576, out);
        write(workDir.resolve("outputs/reports/bench.json"), report);
        return report;
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    private static void write(Path file, Report report) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Json.write(tmp, report);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
