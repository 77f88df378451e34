package dev.ntg.cli;

import dev.ntg.churn.ScoreChurnStage;
import dev.ntg.config.NtgConfig;
import dev.ntg.data.BuildDatasetStage;
import dev.ntg.decisions.PlanRetentionStage;
import dev.ntg.data.GenerateEventsStage;
import dev.ntg.features.BuildFeaturesStage;
import dev.ntg.graph.BuildGraphStage;
import dev.ntg.ranking.RankStage;
import dev.ntg.report.EvaluateStage;
import dev.ntg.run.Stage;
import dev.ntg.taste.BuildTasteStage;

import java.util.List;

/** The pipeline's stages in run order. */
public final class Stages {
    private Stages() {
    }

    public static List<Stage> all() {
        List<Stage> upstream = List.of(
                new GenerateEventsStage(),
                new BuildDatasetStage(),
                new BuildFeaturesStage(),
                new BuildGraphStage(),
                new BuildTasteStage(),
                new RankStage(),
                new ScoreChurnStage(),
                new PlanRetentionStage());
        // evaluate comes last: it reads every earlier stage's reports and manifests
        List<Stage> all = new java.util.ArrayList<>(upstream);
        all.add(new EvaluateStage(upstream));
        return List.copyOf(all);
    }

    /** The stages run-all runs for this config: the generator only when the source is synthetic. */
    static List<Stage> forRun(NtgConfig config) {
        return all().stream()
                .filter(s -> !s.name().equals("generate-events") || config.dataset().source().equals("synthetic"))
                .toList();
    }
}
