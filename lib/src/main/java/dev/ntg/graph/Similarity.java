package dev.ntg.graph;

import dev.ntg.config.GraphConfig;

/** The static factory of similarity measures, one small class per measure. */
public final class Similarity {
    private Similarity() {
    }

    /** The measure named by {@code graph.measure}; {@code damping} is used by {@code conditional} only. */
    public static SimilarityMeasure of(String name, double damping) {
        return switch (name) {
            case "count" -> new RawCount();
            case "cosine" -> new Cosine();
            case "jaccard" -> new Jaccard();
            case "lift" -> new Lift();
            case "pmi" -> new Pmi();
            case "npmi" -> new NormalizedPmi();
            case "llr" -> new LogLikelihoodRatio();
            case "conditional" -> new ConditionalProbability(damping);
            default -> throw new IllegalArgumentException("graph.measure: unknown measure '" + name + "' (one of "
                    + String.join(", ", GraphConfig.MEASURES) + ")");
        };
    }

    public static SimilarityMeasure of(GraphConfig config) {
        return of(config.measure(), config.conditionalDamping());
    }
}
