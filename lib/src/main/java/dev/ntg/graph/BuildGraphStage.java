package dev.ntg.graph;

import dev.ntg.config.NtgConfig;
import dev.ntg.io.Artifact;
import dev.ntg.run.Stage;
import dev.ntg.run.StageContext;

import java.util.List;
import java.util.Map;

import static dev.ntg.io.PathCatalog.GRAPH_DIAGNOSTICS;
import static dev.ntg.io.PathCatalog.ITEM_EDGES;
import static dev.ntg.io.PathCatalog.SPLIT_MANIFEST;
import static dev.ntg.io.PathCatalog.TRAIN;

/** Stage 03: the pruned item–item similarity graph and its diagnostics, from TRAIN only. */
public final class BuildGraphStage implements Stage {
    @Override
    public String name() {
        return "build-graph";
    }

    @Override
    public String description() {
        return "Build the pruned item–item similarity graph from TRAIN co-occurrences, with health diagnostics.";
    }

    @Override
    public String manifestDir() {
        return "outputs/graph";
    }

    @Override
    public List<Artifact> inputs(NtgConfig config) {
        return List.of(TRAIN, SPLIT_MANIFEST);
    }

    @Override
    public List<Artifact> outputs(NtgConfig config) {
        return List.of(ITEM_EDGES, GRAPH_DIAGNOSTICS);
    }

    @Override
    public List<String> configSections() {
        // project.threads does not change the output (the kernel is deterministic for any thread count).
        return List.of("graph");
    }

    @Override
    public void run(StageContext ctx) {
        GraphBuilder.Result r = GraphBuilder.build(ctx.trainView(), ctx.config().graph(), ctx.config().project().effectiveThreads(),
                ctx.output(ITEM_EDGES), ctx.output(GRAPH_DIAGNOSTICS), ctx.provenance());
        ItemGraph.Stats k = r.kernel();
        ctx.metric("nodes", r.diagnostics().nodes());
        ctx.metric("edges", r.diagnostics().edges());
        ctx.metric("coverage", r.diagnostics().coverage());
        ctx.metric("pairs_counted", k.pairsCounted());
        ctx.metric("pairs_per_second", Math.round(k.pairsPerSecond()));
        ctx.metric("kernel_threads", k.threads());
        ctx.metric("kernel_thread_seconds", Map.of("count", k.countSeconds(), "score_prune", k.scoreSeconds()));
        ctx.metric("phase_seconds", r.phaseSeconds());
    }
}
