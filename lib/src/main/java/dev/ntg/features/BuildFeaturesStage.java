package dev.ntg.features;

import dev.ntg.config.FeaturesConfig;
import dev.ntg.config.NtgConfig;
import dev.ntg.io.Artifact;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ntg.report.Reports;
import dev.ntg.run.Stage;
import dev.ntg.run.StageContext;
import dev.ntg.run.TrainView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.ntg.io.PathCatalog.*;

/**
 * Stage 02: user, item and interaction features from TRAIN only, and the feature manifest. It declares only
 * TRAIN and the split manifest as inputs, so the runner refuses any read of VAL or TEST (see the package doc).
 */
public final class BuildFeaturesStage implements Stage {
    private static final Logger LOG = LoggerFactory.getLogger(BuildFeaturesStage.class);
    private static final List<Artifact> INPUTS = List.of(TRAIN, SPLIT_MANIFEST);

    @Override
    public String name() {
        return "build-features";
    }

    @Override
    public String description() {
        return "Engineer user, item and interaction features from TRAIN only, with a feature manifest (as of the train cutoff).";
    }

    @Override
    public String manifestDir() {
        return "data/features";
    }

    @Override
    public List<Artifact> inputs(NtgConfig config) {
        return INPUTS;
    }

    @Override
    public List<Artifact> outputs(NtgConfig config) {
        return List.of(USER_FEATURES, ITEM_FEATURES, INTERACTION_FEATURES, FEATURE_MANIFEST);
    }

    @Override
    public List<String> configSections() {
        return List.of("features");
    }

    @Override
    public void run(StageContext ctx) {
        FeaturesConfig config = ctx.config().features();
        TrainView train = ctx.trainView();
        List<FeatureTable> tables = List.of(UserFeatures.of(train, config), ItemFeatures.of(train, config),
                InteractionFeatures.of(train, config));
        List<FeatureManifest.Written> written = new ArrayList<>();
        for (FeatureTable t : tables) {
            long start = System.nanoTime();
            Path file = ctx.output(t.artifact());
            t.write(file);
            double seconds = (System.nanoTime() - start) / 1e9;
            LOG.info("{}: {} written in {} s", name(), t.artifact().relativePath(), String.format("%.2f", seconds));
            ctx.metric(t.name() + "_seconds", Math.round(seconds * 1000) / 1000.0);
            written.add(new FeatureManifest.Written(t, file));
        }
        JsonNode manifest = Reports.write(ctx, FEATURE_MANIFEST, FeatureManifest.SCHEMA, FeatureManifest.build(train.cutoff(), config, written));
        ctx.metric("as_of", train.cutoff().toString());
        manifest.get("tables").forEach(t -> ctx.metric(t.get("name").asText() + "_rows", t.get("rows").asLong()));
    }
}
