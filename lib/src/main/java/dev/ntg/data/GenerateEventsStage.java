package dev.ntg.data;

import dev.ntg.config.NtgConfig;
import dev.ntg.data.synthetic.GenerationReport;
import dev.ntg.data.synthetic.SyntheticOutputs;
import dev.ntg.data.synthetic.SyntheticService;
import dev.ntg.io.Artifact;
import dev.ntg.io.PathCatalog;
import dev.ntg.run.Stage;
import dev.ntg.run.StageContext;

import java.util.List;

/** {@code ntg generate-events}: the synthetic service's event log and catalog, plus its ground-truth sidecar. */
public final class GenerateEventsStage implements Stage {
    @Override
    public String name() {
        return "generate-events";
    }

    @Override
    public String description() {
        return "Generate a synthetic streaming service's events and catalog (dataset.synthetic), with ground truth.";
    }

    @Override
    public String manifestDir() {
        return "data/raw/synthetic";
    }

    @Override
    public List<Artifact> inputs(NtgConfig config) {
        return List.of();
    }

    @Override
    public List<Artifact> outputs(NtgConfig config) {
        return List.of(PathCatalog.SYNTHETIC_EVENTS, PathCatalog.SYNTHETIC_ITEMS, PathCatalog.TRUTH_USERS,
                PathCatalog.TRUTH_ITEMS, PathCatalog.TRUTH_CHURN, PathCatalog.TRUTH_MANIFEST);
    }

    @Override
    public List<String> configSections() {
        return List.of("project", "dataset");
    }

    @Override
    public void run(StageContext ctx) throws Exception {
        NtgConfig c = ctx.config();
        SyntheticOutputs out = new SyntheticOutputs(ctx.output(PathCatalog.SYNTHETIC_EVENTS), ctx.output(PathCatalog.SYNTHETIC_ITEMS),
                ctx.output(PathCatalog.TRUTH_USERS), ctx.output(PathCatalog.TRUTH_ITEMS), ctx.output(PathCatalog.TRUTH_CHURN),
                ctx.output(PathCatalog.TRUTH_MANIFEST));
        GenerationReport r = SyntheticService.of(c.dataset().synthetic(), c.project().seed(), c.project().effectiveThreads())
                .generate(ctx.duck(), out);
        ctx.metric("events", r.events());
        ctx.metric("expected_events", Math.round(r.expectedEvents()));
        ctx.metric("users", r.users());
        ctx.metric("items", r.items());
        ctx.metric("users_quit", r.usersQuit());
        ctx.metric("dropped_plays", r.droppedPlays());
        ctx.metric("churn_truth_rows", r.churnTruthRows());
    }
}
