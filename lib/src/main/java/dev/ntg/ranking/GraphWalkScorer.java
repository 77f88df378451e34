package dev.ntg.ranking;

/**
 * A scorer that walks the stage-03 graph from the user's history: score(j) = Σ over history items h with an edge
 * h → j of the edge's weight. The reason of a listed item is the history item whose edge to it weighs most (ties: the
 * smaller index), found from the item's in-edges when asked rather than tracked for every item the walk touches
 * (that tracking was a third of the walk's time).
 */
abstract class GraphWalkScorer extends Scorer {
    private final ItemNeighbors graph;
    private final double[] weight;

    /** @param weight one weight per edge of the graph */
    GraphWalkScorer(ItemNeighbors graph, double[] weight) {
        this.graph = graph;
        this.weight = weight;
    }

    @Override
    final void fill(int user, int[] history, ScoreRow row) {
        for (int h : history) {
            for (int e = graph.ptr[h]; e < graph.ptr[h + 1]; e++) row.add(graph.dst[e], weight[e]);
        }
    }

    @Override
    final int because(ScoreRow row, boolean[] inHistory, int j) {
        int from = -1;
        double best = Double.NEGATIVE_INFINITY;
        for (int k = graph.inPtr[j]; k < graph.inPtr[j + 1]; k++) {
            int h = graph.inSource[k];
            double w = weight[graph.inEdge[k]];
            if (inHistory[h] && w > best) { // sources ascend: on a tie the smaller one stays
                best = w;
                from = h;
            }
        }
        return from;
    }

    @Override
    final Reason explains() {
        return Reason.ITEM;
    }
}
