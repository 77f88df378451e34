package dev.ntg.config;

/**
 * The effective configuration: base.yaml, then an overlay file, then --set overrides. Each top-level
 * section is one record; a stage declares the sections it reads and only those go into its config hash.
 */
public record NtgConfig(ProjectConfig project, DatasetConfig dataset, SplitConfig split,
                        FeaturesConfig features, GraphConfig graph,
                        TasteConfig taste, RankingConfig ranking, ChurnConfig churn,
                        DecisionsConfig decisions) {
    public NtgConfig {
        Check.required("project", project);
        Check.required("dataset", dataset);
        Check.required("split", split);
        Check.required("features", features);
        Check.required("graph", graph);
        Check.required("taste", taste);
        Check.required("ranking", ranking);
        Check.required("churn", churn);
        Check.required("decisions", decisions);
    }
}
