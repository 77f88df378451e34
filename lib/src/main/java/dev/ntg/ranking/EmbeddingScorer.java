package dev.ntg.ranking;

/**
 * Latent-factor scorer: item factors V (one row per item), the user folded in as the sum of the factors of the
 * user's TRAIN items, score(j) = p_u · V_j. Two instances: {@code svd} on stage 04's item factors (V Σ^½ of the
 * log(1 + events) matrix, so scores are the item-item form V Σ Vᵀ summed over the history) and {@code pure_svd} on
 * this stage's own {@link TruncatedSvd} (orthonormal V of the binary matrix: PureSVD's V Vᵀ). Folding in rather
 * than reading stage 04's user factors keeps both on the same footing and works for any history.
 */
final class EmbeddingScorer extends DotProductScorer {
    private final String name;
    private final String description;
    private final double[] factors;

    /** @param factors row-major nItems × f */
    EmbeddingScorer(String name, String description, double[] factors, int f) {
        super(factors, f);
        this.name = name;
        this.description = description;
        this.factors = factors;
    }

    @Override
    String name() {
        return name;
    }

    @Override
    String description() {
        return description;
    }

    /** The user folded in: the sum of the factors of their TRAIN items, in history order. */
    @Override
    void query(int user, int[] history, double[] q, int at) {
        int f = dimension();
        java.util.Arrays.fill(q, at, at + f, 0.0);
        for (int h : history) for (int k = 0, o = h * f; k < f; k++) q[at + k] += factors[o + k];
    }
}
