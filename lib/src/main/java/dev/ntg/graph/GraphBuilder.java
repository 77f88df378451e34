package dev.ntg.graph;

import dev.ntg.config.GraphConfig;
import dev.ntg.report.Reports;
import dev.ntg.run.Provenance;
import dev.ntg.run.TrainView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the graph from a TRAIN view: load → CSR → count + score + prune → write; the stage and the benchmark call it. */
public final class GraphBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(GraphBuilder.class);

    private GraphBuilder() {
    }

    /** The diagnostics written, the kernel's figures and the wall time of each phase (seconds). */
    public record Result(GraphDiagnostics diagnostics, ItemGraph.Stats kernel, Map<String, Double> phaseSeconds) {
    }

    public static Result build(TrainView train, GraphConfig config, int threads, Path edgesFile, Path diagnosticsFile, Provenance provenance) {
        Map<String, Double> phases = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        InteractionLoader.Loaded loaded = InteractionLoader.load(train, config);
        long t1 = System.nanoTime();
        phases.put("load", (t1 - t0) / 1e9);
        // Interactions.of builds the transpose; it is timed apart from the SQL load.
        phases.put("csr", loaded.csrSeconds());
        phases.put("load", phases.get("load") - loaded.csrSeconds());
        Interactions x = loaded.interactions();
        LOG.info("build-graph: {} users, {} items, {} interactions kept ({} removed by the cap of {} from {} users)",
                x.users(), x.items(), x.interactions(), loaded.caps().interactionsCapped(), config.userCap(), loaded.caps().usersCapped());

        long windowMs = config.windowed() ? Math.round(config.windowHours() * 3_600_000.0) : 0;
        ItemGraph graph = CooccurrenceCounter.build(x, new CooccurrenceCounter.Options(Similarity.of(config), config.minSupport(),
                config.topK(), windowMs, threads));
        long t2 = System.nanoTime();
        ItemGraph.Stats k = graph.stats();
        // The kernel fuses counting with scoring per row; split its wall time by the threads' shares of each.
        double busy = k.countSeconds() + k.scoreSeconds();
        double wall = (t2 - t1) / 1e9;
        phases.put("count", busy > 0 ? wall * k.countSeconds() / busy : wall);
        phases.put("score_prune", busy > 0 ? wall * k.scoreSeconds() / busy : 0.0);
        LOG.info("build-graph: {} pairs counted in {} s ({} M pairs/s on {} threads), {} edges kept",
                k.pairsCounted(), String.format("%.2f", k.wallSeconds()), String.format("%.0f", k.pairsPerSecond() / 1e6), k.threads(), k.edges());

        ItemGraphWriter.write(train.duck(), graph, InteractionLoader.ITEM_TABLE, edgesFile);
        long t3 = System.nanoTime();
        phases.put("write", (t3 - t2) / 1e9);

        GraphDiagnostics diagnostics = GraphDiagnosticsBuilder.of(graph, loaded, config);
        Reports.write(diagnosticsFile, "graph_diagnostics.json", GraphDiagnostics.SCHEMA, diagnostics, provenance);
        phases.put("diagnostics", (System.nanoTime() - t3) / 1e9);
        return new Result(diagnostics, k, phases);
    }
}
