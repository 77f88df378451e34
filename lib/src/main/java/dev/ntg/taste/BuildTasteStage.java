package dev.ntg.taste;

import dev.ntg.config.NtgConfig;
import dev.ntg.io.Artifact;
import dev.ntg.run.Stage;
import dev.ntg.run.StageContext;

import java.util.ArrayList;
import java.util.List;

import static dev.ntg.io.PathCatalog.*;

/** Stage 04: named taste axes, user taste profiles and latent factors, fitted on TRAIN only. */
public final class BuildTasteStage implements Stage {
    @Override
    public String name() {
        return "build-taste";
    }

    @Override
    public String description() {
        return "Fit named taste axes (items' loadings, users' profiles, stability and diagnostics) and latent SVD factors from TRAIN.";
    }

    @Override
    public String manifestDir() {
        return "outputs/taste";
    }

    private static boolean synthetic(NtgConfig config) {
        return config.dataset().source().equals("synthetic");
    }

    @Override
    public List<Artifact> inputs(NtgConfig config) {
        List<Artifact> in = new ArrayList<>(List.of(TRAIN, SPLIT_MANIFEST, ITEMS, ITEM_EDGES));
        // Planted truth is read only for the recovery report, never for fitting.
        if (synthetic(config)) in.addAll(List.of(TRUTH_ITEMS, TRUTH_USERS));
        return in;
    }

    @Override
    public List<Artifact> outputs(NtgConfig config) {
        List<Artifact> out = new ArrayList<>(List.of(TASTE_AXES, ITEM_AXES, USER_TASTE, TASTE_DIAGNOSTICS));
        if (config.taste().embeddings()) out.addAll(List.of(USER_FACTORS, ITEM_FACTORS));
        return out;
    }

    @Override
    public List<String> configSections() {
        // project: the seed; dataset: whether (and which) planted truth exists. Thread counts do not change the bytes.
        return List.of("project", "dataset", "taste");
    }

    @Override
    public void run(StageContext ctx) {
        NtgConfig c = ctx.config();
        boolean emb = c.taste().embeddings();
        boolean syn = synthetic(c);
        TasteBuilder.Files files = new TasteBuilder.Files(ctx.input(ITEMS), ctx.input(ITEM_EDGES),
                syn ? ctx.input(TRUTH_ITEMS) : null, syn ? ctx.input(TRUTH_USERS) : null, syn ? c.dataset().synthetic().genres() : List.of(),
                ctx.output(TASTE_AXES), ctx.output(ITEM_AXES), ctx.output(USER_TASTE), ctx.output(TASTE_DIAGNOSTICS),
                emb ? ctx.output(USER_FACTORS) : null, emb ? ctx.output(ITEM_FACTORS) : null);
        TasteBuilder.Result r = TasteBuilder.build(ctx.trainView(), c.taste(), c.project().seed(), c.project().effectiveThreads(), files, ctx.provenance());
        TasteDiagnostics d = r.diagnostics();
        ctx.metric("users", d.data().users());
        ctx.metric("items", d.data().items());
        ctx.metric("axes", d.axes().size());
        if (d.stability().bootstrapMeanAri() != null) ctx.metric("bootstrap_mean_ari", d.stability().bootstrapMeanAri());
        if (d.stability().earlyAri() != null) ctx.metric("early_ari", d.stability().earlyAri());
        if (d.recovery() != null) {
            ctx.metric("planted_genre_nmi", d.recovery().nmi());
            ctx.metric("planted_genre_clear_nmi", d.recovery().clearNmi());
        }
        if (d.embeddings() != null) ctx.metric("explained_variance", d.embeddings().explainedVariance());
        ctx.metric("solver_steps", r.solverSteps());
        ctx.metric("phase_seconds", r.phaseSeconds());
    }
}
