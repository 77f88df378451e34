package dev.ntg.eval.ranking;

/**
 * A beyond-accuracy measure over all users' lists: step one {@link #accept} each user's top K (catalog indices),
 * step two {@link #result}. Popularity is the number of distinct TRAIN users of an item.
 */
public interface ListMetric {
    String name();

    void accept(int[] ranked);

    /** The summary; throws if no list was accepted (say "no eval users" instead). */
    double result();

    static int[] top(int[] ranked, int k) {
        return ranked.length <= k ? ranked : java.util.Arrays.copyOf(ranked, k);
    }
}
