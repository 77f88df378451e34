package dev.ntg.ranking;

/** Item-kNN on the stage-03 graph: score(j) = Σ over history items h with an edge h → j of similarity(h, j). */
final class ItemKnnScorer extends Scorer {
    private final ItemNeighbors graph;

    ItemKnnScorer(ItemNeighbors graph) {
        this.graph = graph;
    }

    @Override
    String name() {
        return "item_knn";
    }

    @Override
    String description() {
        return "item-kNN: sum of graph similarities from the user's TRAIN items to the candidate (outputs/graph/item_edges.parquet)";
    }

    @Override
    void fill(int user, int[] history, ScoreRow row) {
        for (int h : history) {
            for (int e = graph.ptr[h]; e < graph.ptr[h + 1]; e++) row.add(graph.dst[e], graph.similarity[e], h);
        }
    }

    @Override
    Reason explains() {
        return Reason.ITEM;
    }
}
