package dev.ntg.config;

import java.util.List;

/**
 * Stage 05, personalized ranking and its offline evaluation.
 *
 * @param topN                 items per user in candidates.parquet (and the longest list evaluated)
 * @param ks                   cut-offs K of the accuracy metrics; each in [1, top_n]
 * @param candidatesPerScorer  candidate generation: each blended scorer contributes its top-C unseen items
 * @param recentDays           recent popularity: distinct users in the last N days of TRAIN
 * @param rp3Alpha             RP3beta: exponent of the item→item transition probability
 * @param rp3Beta              RP3beta: popularity penalty exponent of the destination item
 * @param easeLambda           EASE^R: L2 regularisation of the item–item model
 * @param easeMaxItems         EASE^R runs only when the TRAIN catalog has at most this many items (dense n×n inverse)
 * @param svdFactors           truncated SVD rank of the binary TRAIN user×item matrix
 * @param svdPowerIterations   subspace iterations of the randomized SVD (more: closer to the exact top factors)
 * @param blendGrid            weights tried for each blend component during the VAL search
 * @param blendRounds          coordinate-ascent sweeps over the components
 * @param tuneK                the VAL search maximizes NDCG at this K
 * @param tuneMaxUsers         at most this many VAL eval users (a seeded subsample) drive the search; 0 = all
 * @param bootstrapResamples   bootstrap resamples over users for every interval (0 = no intervals)
 * @param confidence           two-sided level of the intervals
 * @param backtestFolds        rolling-origin folds carved from the end of TRAIN (0 = no backtest)
 * @param lightQuantile        users with TRAIN events at or below this quantile are "light"
 * @param heavyQuantile        users with TRAIN events above this quantile are "heavy"
 * @param headShare            head items: the most popular items covering this share of TRAIN interactions
 */
public record RankingConfig(int topN, List<Integer> ks, int candidatesPerScorer, int recentDays, double rp3Alpha, double rp3Beta,
                            double easeLambda, int easeMaxItems, int svdFactors, int svdPowerIterations, List<Double> blendGrid,
                            int blendRounds, int tuneK, int tuneMaxUsers, int bootstrapResamples, double confidence,
                            int backtestFolds, double lightQuantile, double heavyQuantile, double headShare) {
    public RankingConfig {
        Check.positive("top_n", topN);
        Check.required("ks", ks);
        Check.that(!ks.isEmpty(), "ks", "must list at least one cut-off K, e.g. [5, 10, 20]");
        for (Integer k : ks) {
            Check.that(k != null && k > 0, "ks", "every K must be > 0, got " + ks);
            Check.that(k <= topN, "ks", "every K must be <= top_n (" + topN + "), got " + k);
        }
        ks = List.copyOf(ks.stream().distinct().sorted().toList());
        Check.that(candidatesPerScorer >= topN, "candidates_per_scorer", "must be >= top_n (" + topN + "), got " + candidatesPerScorer);
        Check.positive("recent_days", recentDays);
        Check.nonNegative("rp3_alpha", rp3Alpha);
        Check.nonNegative("rp3_beta", rp3Beta);
        Check.positive("ease_lambda", easeLambda);
        Check.nonNegative("ease_max_items", easeMaxItems);
        Check.positive("svd_factors", svdFactors);
        Check.nonNegative("svd_power_iterations", svdPowerIterations);
        Check.required("blend_grid", blendGrid);
        Check.that(!blendGrid.isEmpty(), "blend_grid", "must list at least one weight");
        for (Double w : blendGrid) Check.that(w != null && w >= 0 && !w.isInfinite(), "blend_grid", "weights must be finite and >= 0, got " + blendGrid);
        blendGrid = List.copyOf(blendGrid.stream().distinct().sorted().toList());
        Check.positive("blend_rounds", blendRounds);
        Check.positive("tune_k", tuneK);
        Check.that(tuneK <= topN, "tune_k", "must be <= top_n (" + topN + "), got " + tuneK);
        Check.nonNegative("tune_max_users", tuneMaxUsers);
        Check.nonNegative("bootstrap_resamples", bootstrapResamples);
        Check.that(confidence > 0 && confidence < 1, "confidence", "must be in (0, 1), got " + confidence);
        Check.between("backtest_folds", backtestFolds, 0, 10);
        Check.between("light_quantile", lightQuantile, 0.0, 1.0);
        Check.between("heavy_quantile", heavyQuantile, 0.0, 1.0);
        Check.that(lightQuantile <= heavyQuantile, "light_quantile", "must be <= heavy_quantile (" + heavyQuantile + "), got " + lightQuantile);
        Check.that(headShare > 0 && headShare <= 1, "head_share", "must be in (0, 1], got " + headShare);
    }
}
