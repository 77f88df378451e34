/**
 * Stage 02: engineered user, item and interaction features, computed from TRAIN only, and the feature manifest
 * that says what each column is.
 *
 * <h2>The leakage rule</h2>
 * Every feature is a function of the TRAIN events and the train cutoff ({@code as_of}, the VAL start) and of
 * nothing else. The rule is structural: a builder ({@link dev.ntg.features.UserFeatures},
 * {@link dev.ntg.features.ItemFeatures}, {@link dev.ntg.features.InteractionFeatures}) receives a
 * {@link dev.ntg.run.TrainView} — a DuckDB view over TRAIN plus the cutoff — never a path or a table name it could
 * swap for VAL or TEST, and {@link dev.ntg.features.BuildFeaturesStage} declares only TRAIN and the split manifest
 * as inputs, so the stage runner refuses any other read. Every window ("the last 28 days") is measured back from
 * the cutoff, not from the newest event or the wall clock. Later fitting stages (graph, taste, churn) follow the
 * same rule; {@code LeakageIT} proves it by rewriting VAL or TEST and checking that every fitted artifact keeps
 * its bytes.
 *
 * <h2>Determinism</h2>
 * All work is DuckDB SQL over the whole table (no per-row Java). Floating-point sums depend on the order in which
 * threads combine partial results, so every sum that feeds a published number is taken exactly — integers, or
 * values cast to {@code DECIMAL(38,10)} — and only then divided; see {@link dev.ntg.features.FeatureSql}. Outputs are
 * sorted by their key, so reruns give byte-identical files.
 */
package dev.ntg.features;
