package dev.ntg.taste;

import java.util.List;

/**
 * {@code outputs/taste/taste_diagnostics.json} (schema {@value #SCHEMA}): how the axes were fitted, what they are,
 * how stable they are under resampling, how well they recover planted genres (synthetic data only) and how much
 * of the matrix the latent factors explain. No timings: equal inputs give equal bytes.
 */
public record TasteDiagnostics(String schemaVersion, String method, Settings settings, Data data, List<Double> spectrum,
                               double kmeansDistortion, List<Axis> axes, Cohesion cohesion, Stability stability, Recovery recovery,
                               Embeddings embeddings) {
    public static final String SCHEMA = "taste_diagnostics.schema.json";
    public static final String METHOD = "spectral co-clustering: dims_per_axis x K leading singular vectors of D_u^-1/2 A (D_i + tau)^-1/2 (binary TRAIN user x item,"
            + " tau = degree_regularization x mean item degree),"
            + " unit rows, k-means; loadings = squared positive cosine to axis centroids";

    public record Settings(int k, int dimsPerAxis, double degreeRegularization, int minItemUsers, int topN, double smoothing, int kmeansRestarts, int bootstrap, double earlyFraction, long seed,
                           boolean embeddings, int embeddingRank) {
    }

    /**
     * @param trainEvents  TRAIN events
     * @param users        TRAIN users (each gets a profile)
     * @param items        TRAIN items (each gets loadings)
     * @param interactions distinct (user, item) pairs
     * @param itemsShaping items with at least min_item_users users, which k-means clustered
     */
    public record Data(long trainEvents, long users, long items, long interactions, long itemsShaping) {
    }

    /** One axis: 1-based id, label, items whose dominant axis it is, share of users leaning here, graph cohesion. */
    public record Axis(int axis, String label, List<String> genres, long size, double userShare, double cohesion) {
    }

    /**
     * Cohesion on the item graph of stage 03 (edges between TRAIN items).
     *
     * @param edges                 edges used
     * @param withinAxisShare       share of edge similarity whose two ends share a dominant axis
     * @param expectedIfRandom      the same share if axes were assigned at random with the same sizes (Σ size share²)
     */
    public record Cohesion(long edges, double withinAxisShare, double expectedIfRandom) {
    }

    /** One refit compared with the full fit. */
    public record Resample(String kind, int index, long items, double ari, double matchedOverlap) {
    }

    /**
     * @param resamples        bootstrap refits (users drawn with replacement) and the early-TRAIN refit
     * @param bootstrapMeanAri mean ARI over bootstrap refits (null without any)
     * @param bootstrapMeanOverlap mean matched overlap over bootstrap refits (null without any)
     * @param earlyAri         ARI of the refit on the first early_fraction of TRAIN (null when skipped)
     */
    public record Stability(List<Resample> resamples, Double bootstrapMeanAri, Double bootstrapMeanOverlap, Double earlyAri, Double earlyOverlap) {
    }

    public record Embeddings(int rank, String weighting, List<Double> singularValues, double explainedVariance) {
    }
}
