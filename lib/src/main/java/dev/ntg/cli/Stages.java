package dev.ntg.cli;

import dev.ntg.config.NtgConfig;
import dev.ntg.data.BuildDatasetStage;
import dev.ntg.graph.BuildGraphStage;
import dev.ntg.run.Stage;

import java.util.List;

/** The pipeline's stages in run order. */
final class Stages {
    private Stages() {
    }

    static List<Stage> all() {
        return List.of(new BuildDatasetStage(),
                new BuildGraphStage());
    }

    /** The stages run-all runs for this config: the generator only when the source is synthetic. */
    static List<Stage> forRun(NtgConfig config) {
        return all().stream()
                .filter(s -> !s.name().equals("generate-events") || config.dataset().source().equals("synthetic"))
                .toList();
    }
}
