package dev.ntg.graph;

/**
 * Scores one ordered pair (source i, destination j) from its contingency figures. All four arguments are
 * (fuzzy) cardinalities: with binary weights {@code cij} is the number of users who consumed both, {@code ci}
 * and {@code cj} the users of each item and {@code n} all users; with weights they are sums of per-user
 * memberships (see {@link CooccurrenceCounter}), and always satisfy {@code cij <= min(ci, cj)},
 * {@code ci + cj - cij <= n}. Callers guarantee {@code cij > 0}.
 */
public interface SimilarityMeasure {
    /** The config name ({@code graph.measure}). */
    String name();

    double score(double cij, double ci, double cj, double n);

    /**
     * True when score(cij, ci, cj, n) equals score(cij, cj, ci, n) to the last bit, for any arguments: the kernel
     * then scores a pair once for both ends. False for conditional probability.
     */
    default boolean symmetric() {
        return true;
    }
}
