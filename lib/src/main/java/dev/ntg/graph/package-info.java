/**
 * Stage 03, the item–item similarity graph. Items are similar when the same users consume them: the stage
 * loads TRAIN histories (one interaction per user and item, each user capped to its most recent items) into
 * CSR arrays, and {@link dev.ntg.graph.CooccurrenceCounter} counts, for one source item at a time, how often
 * other items share a user with it (in the whole history or within a time window), using a dense per-thread
 * accumulator instead of a SQL self-join; binary whole-history graphs count each unordered pair once, from its
 * less-used item. Pairs are scored with a {@link dev.ntg.graph.SimilarityMeasure} (count, cosine, Jaccard, lift,
 * PMI, NPMI, log-likelihood ratio, damped conditional probability), filtered by minimum support and cut to each
 * item's top K as they are counted, so all pairs are never held at once. Sums run in a fixed order and the top K
 * is chosen by a total order, so the graph is byte-identical for any thread count.
 * {@link dev.ntg.graph.GraphDiagnostics} says whether the result is healthy (coverage, hubness, components,
 * popularity bias, what the caps removed).
 */
package dev.ntg.graph;
