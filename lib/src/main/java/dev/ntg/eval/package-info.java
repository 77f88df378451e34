/**
 * Evaluation metrics for probabilistic predictions of a binary outcome, and bootstrap intervals. Each metric is
 * one class with a two-step contract in the manner of LensKit: {@link dev.ntg.eval.Metric#add add} one
 * (prediction, outcome) pair at a time, then {@link dev.ntg.eval.Metric#value summarize}. A fresh instance per
 * sample makes the metrics usable inside {@link dev.ntg.eval.Bootstrap}, which resamples rows with a seeded
 * generator for percentile intervals and paired differences. Outcomes are 0/1 labels; the calibration metrics
 * also accept probabilities in [0, 1] as outcomes, which is how predictions are compared with a planted truth.
 */
package dev.ntg.eval;
