package dev.ntg.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.config.ConfigLoader;
import dev.ntg.config.GraphConfig;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Json;
import dev.ntg.run.TrainView;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One-off measurement, not a test: build-graph (default graph settings) on synthetic TRAIN tables shaped like
 * MovieLens-25M (users ≈ events / 156, items ≈ events / 415, log-normal activity σ = 1.2, Zipf-1 items).
 * Usage: java -Xmx6g -cp ... dev.ntg.graph.GraphBench [events ...]; writes outputs/reports/bench.json.
 */
public final class GraphBench {
    public static void main(String[] args) throws Exception {
        long[] sizes = args.length == 0 ? new long[]{1_000_000, 10_000_000} : java.util.Arrays.stream(args).mapToLong(Long::parseLong).toArray();
        int[] threadCounts = System.getProperty("threads") == null ? new int[]{2, 1}
                : java.util.Arrays.stream(System.getProperty("threads").split(",")).mapToInt(Integer::parseInt).toArray();
        GraphConfig config = ConfigLoader.fromBase().load().config().graph();
        ArrayNode runs = Json.MAPPER.createArrayNode();
        Path out = Path.of("outputs/bench-graph");
        Files.createDirectories(out);
        for (long events : sizes) {
            for (int threads : threadCounts) {
                try (DuckSession duck = DuckSession.inMemory()) {
                    duck.execute("SET threads = 2");
                    duck.execute("SET memory_limit = '6GB'");
                    long users = Math.max(100, events / 156), items = Math.max(50, events / 415);
                    long g0 = System.nanoTime();
                    generate(duck, events, users, items);
                    double gen = (System.nanoTime() - g0) / 1e9;
                    resetPeaks();
                    System.gc();
                    long t0 = System.nanoTime();
                    GraphBuilder.Result r = GraphBuilder.build(TrainView.overTable(duck, "train", Instant.parse("2024-01-01T00:00:00Z")),
                            config, threads, out.resolve("edges.parquet"), out.resolve("diag.json"));
                    double wall = (System.nanoTime() - t0) / 1e9;
                    ObjectNode o = runs.addObject();
                    o.put("events", events).put("users", users).put("items", items).put("threads", threads).put("generate_seconds", gen);
                    o.put("wall_seconds", wall).put("peak_heap_mb", peakHeapMb());
                    o.put("pairs_counted", r.kernel().pairsCounted());
                    o.put("pairs_per_second_wall", r.kernel().pairsPerSecond());
                    o.put("pairs_per_second_per_thread_counting", r.kernel().pairsCounted() / r.kernel().countSeconds());
                    o.put("kernel_wall_seconds", r.kernel().wallSeconds());
                    o.put("kernel_count_thread_seconds", r.kernel().countSeconds());
                    o.put("kernel_score_thread_seconds", r.kernel().scoreSeconds());
                    o.set("phase_seconds", Json.MAPPER.valueToTree(r.phaseSeconds()));
                    o.put("edges", r.diagnostics().edges());
                    o.put("interactions_kept", r.diagnostics().caps().interactionsKept());
                    o.put("interactions_capped", r.diagnostics().caps().interactionsCapped());
                    o.put("users_capped", r.diagnostics().caps().usersCapped());
                    o.put("pairs_removed_by_cap", r.diagnostics().caps().pairsRemovedByCap());
                    System.out.println(Json.write(o));
                }
            }
        }
        ObjectNode bench = Json.MAPPER.createObjectNode();
        bench.put("what", "build-graph on synthetic MovieLens-25M-shaped TRAIN, default graph settings (cosine, cap 500, top 50, min support 2)");
        bench.put("cores", Runtime.getRuntime().availableProcessors());
        bench.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
        bench.put("java", System.getProperty("java.version"));
        bench.set("runs", runs);
        Files.createDirectories(Path.of("outputs/reports"));
        Json.write(Path.of("outputs/reports/bench.json"), bench);
    }

    static void generate(DuckSession duck, long events, long users, long items) {
        duck.execute("SELECT setseed(0.42)");
        // log-normal activity per user (Box–Muller), normalised to the target event count
        duck.execute("CREATE OR REPLACE TABLE act AS SELECT u, exp(1.2 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())) AS a FROM range(" + users + ") t(u)");
        duck.execute("CREATE OR REPLACE TABLE train AS SELECT 'u' || u AS user_id,"
                // Zipf(1) item rank by inverse CDF of a 1/x law over [1, items]
                + " 'i' || (floor(pow(" + items + " + 1, random())) - 1)::BIGINT AS item_id,"
                + " TIMESTAMP '2023-01-01' + to_seconds((random() * 365 * 86400)::BIGINT) AS ts, NULL::DOUBLE AS value"
                + " FROM (SELECT u, greatest(1, round(a * " + events + " / sum(a) OVER ()))::BIGINT AS n FROM act) s, range(s.n) r(k)");
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
    }

    private static long peakHeapMb() {
        long s = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) s += p.getPeakUsage().getUsed();
        return s >> 20;
    }
}
