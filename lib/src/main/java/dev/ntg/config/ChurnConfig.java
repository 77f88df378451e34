package dev.ntg.config;

import java.util.List;

/**
 * Stage 06, inactivity churn. A user is "active" at a cutoff c when they have at least {@code minEvents} events
 * before c and the last one falls within {@code activeWindowDays} before c; such a user has churned at c when they
 * have no event in the {@code horizonDays} days from c. Cutoffs are UTC midnights.
 *
 * @param horizonDays          H: length of the silent horizon that defines churn, in days
 * @param minEvents            events before the cutoff a user needs to be scored (minimum-activity rule)
 * @param activeWindowDays     the user's last event must be at most this many days before the cutoff
 * @param trainingCutoffs      number of training cutoffs c_k inside TRAIN (each with c_k + H before the train end)
 * @param cutoffSpacingDays    days between consecutive training cutoffs
 * @param calibrationCutoffs   how many of the latest training cutoffs fit the calibrators (the rest fit the models)
 * @param minUsers             fewest examples per class (churned and active) a fit accepts
 * @param logisticLambda       L2 penalty of the logistic regression (on standardized features)
 * @param gbt                  gradient-boosted trees settings
 * @param bootstrapResamples   bootstrap resamples for the 95% intervals
 * @param riskBands            increasing calibrated-probability thresholds between the bands low, medium, high, …
 * @param topDrivers           drivers listed per user in the scores
 * @param selectionMetric      VAL metric that picks the model and calibrator: log_loss | brier
 */
public record ChurnConfig(int horizonDays, int minEvents, int activeWindowDays, int trainingCutoffs, int cutoffSpacingDays,
                          int calibrationCutoffs, int minUsers, double logisticLambda, Gbt gbt, int bootstrapResamples,
                          List<Double> riskBands, int topDrivers, String selectionMetric) {
    public static final List<String> SELECTION_METRICS = List.of("log_loss", "brier");

    public ChurnConfig {
        Check.that(horizonDays > 0, "horizon_days", "must be > 0 (days of silence that define churn), got " + horizonDays);
        Check.positive("min_events", minEvents);
        Check.positive("active_window_days", activeWindowDays);
        Check.that(trainingCutoffs >= 2, "training_cutoffs", "must be >= 2 (at least one to fit the model, one to calibrate), got " + trainingCutoffs);
        Check.positive("cutoff_spacing_days", cutoffSpacingDays);
        Check.that(calibrationCutoffs >= 1 && calibrationCutoffs < trainingCutoffs, "calibration_cutoffs",
                "must be between 1 and training_cutoffs - 1, got " + calibrationCutoffs);
        Check.positive("min_users", minUsers);
        Check.nonNegative("logistic_lambda", logisticLambda);
        Check.required("gbt", gbt);
        Check.that(bootstrapResamples >= 100, "bootstrap_resamples", "must be >= 100 for a 95% interval, got " + bootstrapResamples);
        Check.required("risk_bands", riskBands);
        Check.that(!riskBands.isEmpty() && riskBands.size() <= 4, "risk_bands", "must list 1 to 4 thresholds");
        for (int i = 0; i < riskBands.size(); i++) {
            Double t = riskBands.get(i);
            Check.that(t != null && t > 0 && t < 1, "risk_bands", "each threshold must be strictly between 0 and 1, got " + t);
            Check.that(i == 0 || t > riskBands.get(i - 1), "risk_bands", "thresholds must increase, got " + riskBands);
        }
        riskBands = List.copyOf(riskBands);
        Check.between("top_drivers", topDrivers, 1, 10);
        Check.oneOf("selection_metric", selectionMetric, SELECTION_METRICS);
    }

    /**
     * Gradient-boosted trees settings ({@link dev.ntg.churn.boost.TreeBoost}).
     *
     * @param trees     boosting rounds
     * @param maxDepth  maximum depth of a tree, the root counted as depth 1
     * @param maxNodes  maximum leaves of a tree
     * @param nodeSize  minimum examples in a leaf
     * @param shrinkage learning rate
     * @param subsample share of examples each tree sees (1 = no subsampling)
     * @param maxBins   most bins a feature is cut into for the split search (features with fewer distinct values
     *                  get one bin per value, which makes the search exact)
     */
    public record Gbt(int trees, int maxDepth, int maxNodes, int nodeSize, double shrinkage, double subsample, int maxBins) {
        public Gbt {
            Check.positive("trees", trees);
            Check.positive("max_depth", maxDepth);
            Check.that(maxNodes >= 2, "max_nodes", "must be >= 2, got " + maxNodes);
            Check.positive("node_size", nodeSize);
            Check.that(shrinkage > 0 && shrinkage <= 1, "shrinkage", "must be in (0, 1], got " + shrinkage);
            Check.that(subsample > 0 && subsample <= 1, "subsample", "must be in (0, 1], got " + subsample);
            Check.between("max_bins", maxBins, 2, 256);
        }
    }
}
