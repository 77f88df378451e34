package dev.ntg.config;

/**
 * Stage 04, taste axes and latent embeddings.
 *
 * @param k               number of taste axes (clusters of the item spectral embedding); at most the number of TRAIN items
 * @param dimsPerAxis     singular vectors per axis in the spectral embedding that k-means clusters (2: 2K dimensions)
 * @param degreeRegularization τ, as a multiple of the mean item degree, added to every item's degree before the
 *                        normalisation (regularised spectral clustering); keeps rarely consumed items from claiming the
 *                        leading directions on large sparse catalogs; 0 is the plain normalised matrix
 * @param minItemUsers    items with fewer distinct TRAIN users are placed on the axes but do not shape them
 * @param topN            items listed per axis (ranked by loading times log(1 + users))
 * @param smoothing       prior strength, in pseudo-interactions at the population's mean profile, that shrinks light
 *                        users' taste profiles toward the population
 * @param kmeansRestarts  k-means runs (k-means++ seeds derived from project.seed); the lowest distortion wins
 * @param bootstrap       user-bootstrap refits for the stability report (0: none)
 * @param earlyFraction   the stability report also refits on this first share of TRAIN events (by time); 0 skips it
 * @param seedOffset      added to project.seed for this stage's random choices
 * @param embeddings      write truncated-SVD user and item factors (outputs/embeddings/)
 * @param embeddingRank   number of SVD factors (clamped to min(users, items) - 1 on tiny data)
 */
public record TasteConfig(int k, int dimsPerAxis, double degreeRegularization, int minItemUsers, int topN, double smoothing, int kmeansRestarts, int bootstrap,
                          double earlyFraction, long seedOffset, boolean embeddings, int embeddingRank) {
    public TasteConfig {
        Check.positive("k", k);
        Check.between("dims_per_axis", dimsPerAxis, 1, 8);
        Check.nonNegative("degree_regularization", degreeRegularization);
        Check.positive("min_item_users", minItemUsers);
        Check.positive("top_n", topN);
        Check.nonNegative("smoothing", smoothing);
        Check.positive("kmeans_restarts", kmeansRestarts);
        Check.between("bootstrap", bootstrap, 0, 100);
        Check.that(earlyFraction == 0 || (earlyFraction > 0 && earlyFraction < 1), "early_fraction",
                "must be 0 (skip) or strictly between 0 and 1, got " + earlyFraction);
        Check.positive("embedding_rank", embeddingRank);
    }
}
