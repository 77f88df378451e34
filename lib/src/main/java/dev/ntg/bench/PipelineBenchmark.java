package dev.ntg.bench;

import dev.ntg.config.ConfigLoader;
import dev.ntg.config.LoadedConfig;
import dev.ntg.io.FileTrees;
import dev.ntg.io.Json;
import dev.ntg.io.PathCatalog;
import dev.ntg.report.SchemaValidator;
import dev.ntg.report.figures.BenchFigures;
import dev.ntg.report.figures.Figure;
import dev.ntg.run.Stage;
import dev.ntg.run.StageManifest;
import dev.ntg.run.StageRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the pipeline's stages on synthetic services of given sizes (shaped like MovieLens-25M: users and items
 * scale with events) and records, per stage, wall and CPU time, peak heap and RSS, rows in and out and throughput,
 * the whole pipeline per size, each stage's cost exponent, and the co-occurrence kernel against scipy's X^T X on the
 * same matrix, in {@code outputs/reports/bench.json} (schema-validated) with a log–log figure of time vs events beside
 * it. Each size runs in its own scratch work dir, deleted afterwards.
 */
public final class PipelineBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineBenchmark.class);
    public static final String SCHEMA = "bench.schema.json";
    static final String SCHEMA_VERSION = "3";

    /**
     * What to run.
     *
     * @param sizes              synthetic event counts
     * @param configFile         overlay on base.yaml, or null (the dev overlay's fixed small user/item counts would distort the shape)
     * @param sets               --set assignments applied after it, for every size
     * @param output             file name of the report under outputs/reports/ (the figure takes its stem)
     * @param referenceMaxEvents the scipy reference runs at every size up to this (0: never)
     * @param referenceRepeats   timed runs per side; the best counts
     */
    public record Options(List<Long> sizes, Path configFile, List<String> sets, String output, long referenceMaxEvents, int referenceRepeats) {
        public Options {
            if (sizes.isEmpty()) throw new IllegalArgumentException("--events: give at least one size");
            for (long s : sizes) if (s <= 0) throw new IllegalArgumentException("--events: sizes must be > 0, got " + s);
            if (!output.matches("[A-Za-z0-9_.-]+\\.json")) throw new IllegalArgumentException("--output: a file name ending in .json, got '" + output + "'");
            if (referenceMaxEvents < 0) throw new IllegalArgumentException("--reference-max-events: must be >= 0");
            if (referenceRepeats <= 0) throw new IllegalArgumentException("--reference-repeats: must be > 0");
            sizes = List.copyOf(sizes);
            sets = List.copyOf(sets);
        }
    }

    /**
     * One stage at one size.
     *
     * @param rowsIn          rows of the stage's Parquet inputs (null when it reads none, e.g. the generator)
     * @param rowsOut         rows written to Parquet outputs
     * @param eventsPerSecond events of the service divided by wall time
     * @param rowsInPerSecond rows in divided by wall time
     * @param stageMetrics    the figures the stage put in its manifest (e.g. the graph kernel's pairs per second)
     */
    public record Measurement(long events, String stage, double wallSeconds, double cpuSeconds, double peakHeapMib,
                              Double peakRssMib, Long rowsIn, long rowsOut, double eventsPerSecond, Double rowsInPerSecond,
                              Map<String, Object> stageMetrics) {
    }

    /** The whole pipeline at one size: sums of time, maxima of memory. */
    public record Total(long events, double wallSeconds, double cpuSeconds, double peakHeapMib, Double peakRssMib, double eventsPerSecond) {
    }

    /**
     * A stage's fitted slope of ln(seconds) on ln(events), of wall time and of CPU time (on a shared machine the CPU
     * slope is the steadier one: a busy neighbour stretches wall time, not CPU time); null below two sizes.
     */
    public record Exponent(String stage, Double costExponent, Double cpuCostExponent, int sizes) {
    }

    /** The scipy reference: per size, or why it could not run. */
    public record Reference(String status, String reason, String python, String pythonVersion, String scipyVersion,
                            String numpyVersion, String pairDefinition, List<ReferenceRun> runs) {
    }

    /** The whole bench.json. */
    public record Report(String schemaVersion, String report, String createdAt, Machine machine, String jvm, long maxHeapMib,
                         List<String> configSources, List<Measurement> measurements, List<Total> totals, List<Exponent> costExponents,
                         Reference reference, String figure) {
    }

    private final Path workDir;
    private final Options options;

    public PipelineBenchmark(Path workDir, Options options) {
        this.workDir = workDir;
        this.options = options;
    }

    public Report run(List<Stage> stages) {
        Machine machine = Machine.atStart();
        String createdAt = Instant.now().toString();
        ScipyRunner scipy = null;
        String unavailable = null;
        try {
            if (options.referenceMaxEvents() > 0) scipy = ScipyRunner.find(workDir);
        } catch (ScipyRunner.Unavailable e) {
            unavailable = e.getMessage();
            LOG.warn("bench: scipy reference unavailable: {}", unavailable);
        }
        List<Measurement> out = new ArrayList<>();
        List<ReferenceRun> runs = new ArrayList<>();
        List<String> sources = List.of();
        for (long events : options.sizes()) {
            LoadedConfig config = config(events);
            sources = config.sources().stream().filter(s -> !s.startsWith("--set dataset.synthetic.events=")).toList();
            Path scratch = workDir.resolve("outputs/bench/events-" + events);
            StageRunner runner = new StageRunner(new PathCatalog(scratch), config);
            try {
                out.addAll(measure(events, runner, scratch, stages));
                if (scipy != null && events <= options.referenceMaxEvents()) runs.add(reference(scipy, events, runner));
            } finally {
                FileTrees.delete(scratch);
            }
        }
        Reference reference = scipy == null
                ? new Reference("unavailable", unavailable == null ? "--reference-max-events 0" : unavailable, null, null, null, null,
                        KernelReference.PAIR_DEFINITION, List.of())
                : new Reference(runs.isEmpty() ? "skipped" : "ran", runs.isEmpty() ? "no size up to --reference-max-events" : null,
                        scipy.python(), scipy.versions().path("python").asText(), scipy.versions().path("scipy").asText(),
                        scipy.versions().path("numpy").asText(), KernelReference.PAIR_DEFINITION, runs);
        Path reports = workDir.resolve("outputs/reports");
        String stem = options.output().substring(0, options.output().length() - ".json".length());
        String figureName = stem + "_time_vs_events.png";
        List<Exponent> exponents = new ArrayList<>();
        Figure figure = BenchFigures.timeVsEvents(stageTimes(out, stages, exponents));
        Report report = new Report(SCHEMA_VERSION, "bench", createdAt, machine.atEnd(), System.getProperty("java.vm.name") + " " + Runtime.version(),
                Runtime.getRuntime().maxMemory() / 1048576, sources, out, totals(out), exponents, reference, "outputs/reports/" + figureName);
        SchemaValidator.of(SCHEMA).check(Json.MAPPER.valueToTree(report), options.output());
        FileTrees.writeAtomically(reports.resolve(figureName), figure.png());
        Json.writeAtomically(reports.resolve(options.output()), report);
        return report;
    }

    private LoadedConfig config(long events) {
        ConfigLoader loader = ConfigLoader.fromBase();
        if (options.configFile() != null) loader.overlay(options.configFile());
        loader.set("dataset.synthetic.events=" + events);
        options.sets().forEach(loader::set);
        return loader.load();
    }

    private static List<Measurement> measure(long events, StageRunner runner, Path scratch, List<Stage> stages) {
        List<Measurement> out = new ArrayList<>();
        // Rows of every Parquet file written so far, by absolute path: a stage's rows in are its inputs' rows out.
        Map<Path, Long> rowsByFile = new HashMap<>();
        ResourceProbe probe = new ResourceProbe();
        for (Stage stage : stages) {
            probe.start();
            StageRunner.Result r = runner.run(stage, false);
            ResourceProbe.Usage u = probe.stop();
            long rowsOut = 0;
            for (StageManifest.FileEntry f : r.manifest().outputs()) {
                if (f.rows() == null) continue;
                rowsOut += f.rows();
                rowsByFile.put(scratch.resolve(f.path()).normalize(), f.rows());
            }
            Long rowsIn = null;
            for (StageManifest.FileEntry f : r.manifest().inputs()) {
                Long rows = rowsByFile.get(scratch.resolve(f.path()).normalize());
                if (rows != null) rowsIn = (rowsIn == null ? 0 : rowsIn) + rows;
            }
            double wall = Math.max(u.wallSeconds(), 1e-3);
            Measurement m = new Measurement(events, stage.name(), u.wallSeconds(), u.cpuSeconds(), u.peakHeapMib(), u.peakRssMib(), rowsIn,
                    rowsOut, Math.round(events / wall), rowsIn == null ? null : (double) Math.round(rowsIn / wall), r.manifest().metrics());
            LOG.info("bench {} events, {}: {}", events, stage.name(), m);
            out.add(m);
        }
        return out;
    }

    private ReferenceRun reference(ScipyRunner scipy, long events, StageRunner runner) {
        KernelReference ref = new KernelReference(scipy, events, options.referenceRepeats());
        try {
            runner.run(ref, false);
            LOG.info("bench {} events, scipy reference: {}", events, ref.result());
            return ref.result();
        } catch (RuntimeException e) {
            // The reference is evidence, not the product: a failure is recorded, never fatal to the bench.
            LOG.warn("bench {} events: scipy reference failed: {}", events, e.toString());
            return ReferenceRun.failed(events, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static List<Total> totals(List<Measurement> ms) {
        Map<Long, List<Measurement>> bySize = new java.util.LinkedHashMap<>();
        for (Measurement m : ms) bySize.computeIfAbsent(m.events(), k -> new ArrayList<>()).add(m);
        List<Total> out = new ArrayList<>();
        bySize.forEach((events, list) -> {
            double wall = 0, cpu = 0, heap = 0;
            Double rss = null;
            for (Measurement m : list) {
                wall += m.wallSeconds();
                cpu += m.cpuSeconds();
                heap = Math.max(heap, m.peakHeapMib());
                if (m.peakRssMib() != null) rss = rss == null ? m.peakRssMib() : Math.max(rss, m.peakRssMib());
            }
            out.add(new Total(events, round(wall), round(cpu), heap, rss, Math.round(events / Math.max(wall, 1e-3))));
        });
        return out;
    }

    /** Per stage, its times across sizes; fills {@code exponents} with each stage's fitted slope. */
    private static List<BenchFigures.StageTimes> stageTimes(List<Measurement> ms, List<Stage> stages, List<Exponent> exponents) {
        List<BenchFigures.StageTimes> out = new ArrayList<>();
        for (Stage stage : stages) {
            List<Measurement> list = ms.stream().filter(m -> m.stage().equals(stage.name())).toList();
            double[] events = list.stream().mapToDouble(Measurement::events).toArray();
            double[] wall = list.stream().mapToDouble(Measurement::wallSeconds).toArray();
            Double slope = CostExponent.fit(events, wall);
            Double cpuSlope = CostExponent.fit(events, list.stream().mapToDouble(Measurement::cpuSeconds).toArray());
            exponents.add(new Exponent(stage.name(), slope == null ? null : round(slope), cpuSlope == null ? null : round(cpuSlope), list.size()));
            out.add(new BenchFigures.StageTimes(stage.name(), events, wall, slope));
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
