/**
 * Stage 05: personalized top-N lists. Independent {@link dev.ntg.ranking.Scorer}s, each fitted on TRAIN only
 * (graph neighbours, an RP3beta-style random walk on the graph, a truncated-SVD embedding, all-time and recent
 * popularity, EASE^R as a baseline), generate candidates; a {@link dev.ntg.ranking.Blend} of their per-user
 * max-normalized scores reranks them, with weights chosen on VAL by a deterministic coordinate search and then
 * frozen; TEST is read once, to evaluate. Every baseline is evaluated in the same harness (same users, same
 * pool, same tie-breaking by item id). New signals (stage 04's embeddings, taste-axis affinity) join as
 * further scorers. Work is per user on primitive arrays with a bounded heap; no user×item matrix is built.
 */
package dev.ntg.ranking;
