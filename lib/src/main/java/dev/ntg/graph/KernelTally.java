package dev.ntg.graph;

import java.util.List;

/** What one kernel worker counted and how long its phases took; summed into {@link ItemGraph.Stats}. */
final class KernelTally {
    long pairs, distinct, below, pruned, edges, countNs, scoreNs;

    static ItemGraph.Stats sum(List<KernelTally> tallies, double wallSeconds, int threads) {
        KernelTally t = new KernelTally();
        for (KernelTally w : tallies) {
            t.pairs += w.pairs;
            t.distinct += w.distinct;
            t.below += w.below;
            t.pruned += w.pruned;
            t.edges += w.edges;
            t.countNs += w.countNs;
            t.scoreNs += w.scoreNs;
        }
        return new ItemGraph.Stats(t.pairs, t.distinct, t.below, t.pruned, t.edges, t.countNs / 1e9, t.scoreNs / 1e9, wallSeconds, threads);
    }
}
