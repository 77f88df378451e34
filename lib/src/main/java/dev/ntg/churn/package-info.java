/**
 * Stage 06: inactivity churn. A user active before a cutoff c (at least {@code churn.min_events} events, the last
 * within {@code churn.active_window_days}) has churned at c when they have no event in [c, c + H). Cutoffs are UTC
 * midnights, the day grid the synthetic generator's truth lives on. The model never sees VAL or TEST: training
 * examples are users at several cutoffs c_k inside TRAIN (c_k + H ≤ train end), their features computed by the stage-02
 * builders on {@link dev.ntg.run.TrainView#before TRAIN as of c_k} and their labels read from TRAIN events in
 * [c_k, c_k + H). The earlier cutoffs fit the models (logistic regression and gradient-boosted trees, plus a
 * recency-only baseline and the base rate); the latest cutoff(s) — a later slice of TRAIN — fit the calibrators
 * (Platt and isotonic). VAL then picks one model and one calibrator; TEST scores the frozen choice one period later.
 * Labels whose horizon runs past the observable end of a window are censored, never counted as churned.
 */
package dev.ntg.churn;
