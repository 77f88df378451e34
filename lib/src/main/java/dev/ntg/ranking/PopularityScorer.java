package dev.ntg.ranking;

/**
 * Popularity prior: an item's distinct TRAIN users, all-time or over the last days of TRAIN. The same for every
 * user, so a row touches only the first items in popularity order (enough to fill the top C after the user's
 * own history is removed); {@link #value} answers for any item.
 */
final class PopularityScorer extends Scorer {
    private final String name;
    private final String description;
    private final double[] score;
    private final int[] order;
    private final int depth;

    PopularityScorer(String name, String description, long[] popularity, int depth) {
        this.name = name;
        this.description = description;
        this.depth = depth;
        score = new double[popularity.length];
        for (int i = 0; i < popularity.length; i++) score[i] = popularity[i];
        order = java.util.stream.IntStream.range(0, popularity.length).boxed()
                .sorted((a, b) -> popularity[a] != popularity[b] ? Long.compare(popularity[b], popularity[a]) : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
    }

    @Override
    String name() {
        return name;
    }

    @Override
    String description() {
        return description;
    }

    @Override
    void fill(int user, int[] history, ScoreRow row) {
        int m = Math.min(order.length, depth + history.length);
        for (int t = 0; t < m; t++) row.add(order[t], score[order[t]]);
    }

    @Override
    double value(ScoreRow row, int j) {
        return score[j];
    }
}
