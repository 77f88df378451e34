package dev.ntg.ranking;

/** Item-kNN on the stage-03 graph: score(j) = Σ over history items h with an edge h → j of similarity(h, j). */
final class ItemKnnScorer extends GraphWalkScorer {
    ItemKnnScorer(ItemNeighbors graph) {
        super(graph, graph.similarity);
    }

    @Override
    String name() {
        return "item_knn";
    }

    @Override
    String description() {
        return "item-kNN: sum of graph similarities from the user's TRAIN items to the candidate (outputs/graph/item_edges.parquet)";
    }
}
