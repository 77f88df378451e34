/**
 * Gradient-boosted regression trees for a binary label with a histogram split search. The algorithm is Friedman's
 * TreeBoost with logistic loss as Smile's {@code GradientTreeBoost} implements it (same intercept, pseudo-responses,
 * least-squares split gain, best-first growth under a depth and a leaf limit, one Newton step per leaf, stratified
 * subsampling); what differs is how splits are searched. Smile scans every example in sorted order at every node
 * through {@code DataFrame} accessors; here each feature is cut once into at most 256 ordered bins, a node's split
 * search reads a per-bin histogram of response sums, and a child's histogram is its parent's minus its sibling's.
 * With no more distinct values than bins the split candidates are exactly Smile's.
 */
package dev.ntg.churn.boost;
