/**
 * Offline evaluation of ranked lists: one class per metric with a two-step contract (score one user's list
 * against that user's relevant items, then summarize over users as a plain mean in user order), beyond-accuracy
 * measures over all lists (coverage, novelty, exposure Gini, popularity), and the user bootstrap that puts
 * intervals on every mean and on paired differences between two rankers scored on the same users.
 * Lives apart from the churn evaluation ({@code dev.ntg.eval}) so both can grow independently.
 */
package dev.ntg.eval.ranking;
