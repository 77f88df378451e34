package dev.ntg.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ntg.config.GraphConfig;
import dev.ntg.config.NtgConfig;
import dev.ntg.graph.BuildGraphStage;
import dev.ntg.graph.CooccurrenceCounter;
import dev.ntg.graph.CsrExport;
import dev.ntg.graph.InteractionLoader;
import dev.ntg.graph.Interactions;
import dev.ntg.graph.ItemGraph;
import dev.ntg.graph.Similarity;
import dev.ntg.io.Artifact;
import dev.ntg.io.Json;
import dev.ntg.run.Stage;
import dev.ntg.run.StageContext;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The co-occurrence kernel against scipy's {@code X^T X} on the same matrix: the binary user×item matrix of TRAIN
 * after the power-user cap, exactly what build-graph counts. Both sides run on one thread and are timed in CPU
 * seconds (the machine is shared, so wall time alone would measure the neighbours); the best of a few runs counts,
 * which also leaves the JIT's warm-up out. Run through the stage runner like a stage, so it reads TRAIN through a
 * {@code TrainView} like the graph does; it writes nothing but scratch files.
 */
final class KernelReference implements Stage {
    static final String PAIR_DEFINITION = "ordered pairs (i, j), i != j, one per user who has both items: sum over users of "
            + "n_u (n_u - 1) after the power-user cap (graph.user_cap); equals the sum of the off-diagonal entries of X^T X. "
            + "Distinct pairs are the off-diagonal nonzeros of X^T X.";

    /** Declares what build-graph reads (and loads it with the same InteractionLoader), so both time the matrix the stage counts. */
    private static final Stage GRAPH = new BuildGraphStage();

    private final ScipyRunner scipy;
    private final long events;
    private final int repeats;
    private ReferenceRun result;

    KernelReference(ScipyRunner scipy, long events, int repeats) {
        this.scipy = scipy;
        this.events = events;
        this.repeats = repeats;
    }

    ReferenceRun result() {
        return result;
    }

    @Override
    public String name() {
        return "bench-reference";
    }

    @Override
    public String description() {
        return "Time the co-occurrence kernel and scipy's X^T X on the same capped binary TRAIN matrix.";
    }

    @Override
    public String manifestDir() {
        return "outputs/bench/reference";
    }

    @Override
    public List<Artifact> inputs(NtgConfig config) {
        return GRAPH.inputs(config);
    }

    @Override
    public List<Artifact> outputs(NtgConfig config) {
        return List.of();
    }

    @Override
    public List<String> configSections() {
        return GRAPH.configSections();
    }

    @Override
    public void run(StageContext ctx) throws IOException {
        GraphConfig graph = ctx.config().graph();
        Interactions x = InteractionLoader.load(ctx.trainView(), graph).interactions().binary();
        Path dir = Files.createDirectories(ctx.workDir().resolve(manifestDir()).resolve("csr"));
        CsrExport.write(x, dir.resolve("indptr.i32"), dir.resolve("indices.i32"));
        Path header = dir.resolve("header.json");
        Json.write(header, Map.of("users", x.users(), "items", x.items(), "interactions", x.interactions(),
                "indptr", "indptr.i32", "indices", "indices.i32"));

        CooccurrenceCounter.Options one = new CooccurrenceCounter.Options(Similarity.of(graph), graph.minSupport(), graph.topK(), 0, 1);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double bestCpu = Double.MAX_VALUE, bestWall = 0;
        ItemGraph.Stats stats = null;
        for (int r = 0; r < repeats; r++) {
            long c0 = threads.getCurrentThreadCpuTime(), w0 = System.nanoTime();
            ItemGraph.Stats s = CooccurrenceCounter.build(x, one).stats();   // one thread: runs on this thread
            double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            if (cpu < bestCpu) {
                bestCpu = cpu;
                bestWall = (System.nanoTime() - w0) / 1e9;
                stats = s;
            }
        }
        long pairs = stats.pairsCounted();
        ReferenceRun.Side javaFull = new ReferenceRun.Side(bestCpu, bestWall, rate(pairs, bestCpu), null);
        // The kernel's phase timers are wall clocks; their shares split its CPU time into counting and scoring.
        double phases = stats.countSeconds() + stats.scoreSeconds();
        double countCpu = phases > 0 ? bestCpu * stats.countSeconds() / phases : bestCpu;
        ReferenceRun.Side javaCount = new ReferenceRun.Side(countCpu, stats.countSeconds(), rate(pairs, countCpu), null);

        JsonNode py = scipy.timeXtX(header, repeats);
        double pyCpu = py.path("best_cpu_seconds").asDouble();
        ReferenceRun.Side scipySide = new ReferenceRun.Side(pyCpu, py.path("best_wall_seconds").asDouble(), rate(py.path("pairs").asLong(), pyCpu),
                py.path("peak_rss_mib").asDouble());
        long scipyDistinct = py.path("distinct_pairs").asLong();
        boolean match = py.path("pairs").asLong() == pairs && py.path("offdiagonal_sum").asLong() == pairs
                && scipyDistinct == stats.distinctPairs();
        result = new ReferenceRun(events, match ? "ok" : "mismatch", match ? null : "pairs java " + pairs + " vs scipy " + py.path("pairs").asLong()
                + " (off-diagonal sum " + py.path("offdiagonal_sum").asLong() + "), distinct java " + stats.distinctPairs() + " vs scipy "
                + scipyDistinct, (long) x.users(), (long) x.items(), (long) x.interactions(), pairs, stats.distinctPairs(), scipyDistinct,
                match, javaFull, javaCount, scipySide, scipySide.pairsPerCpuSecond() > 0 ? javaFull.pairsPerCpuSecond() / scipySide.pairsPerCpuSecond() : null);
    }

    private static double rate(long pairs, double seconds) {
        return seconds > 0 ? pairs / seconds : 0;
    }
}
