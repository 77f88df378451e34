package dev.ntg.ranking;

/**
 * Taste-axis affinity from stage 04: score(u, j) = Σ_a profile_u[a] · loading_j[a], the user's TRAIN-fitted taste
 * profile (smoothed toward the population) against the item's axis loadings; items without loadings score 0. The
 * explanation is the axis with the largest term profile_u[a] · loading_j[a] (ties: the lower axis id).
 */
final class TasteAffinityScorer extends DotProductScorer {
    private final double[] profiles;
    private final int k;

    TasteAffinityScorer(TasteInputs taste) {
        super(taste.loadings(), taste.k());
        this.profiles = taste.profiles();
        this.k = taste.k();
    }

    @Override
    String name() {
        return "taste_affinity";
    }

    @Override
    String description() {
        return "taste-axis affinity: the user's stage-04 taste profile (outputs/taste/user_taste.parquet) dotted with the item's " + k
                + " axis loadings (outputs/taste/item_axes.parquet)";
    }

    @Override
    void query(int user, int[] history, double[] q, int at) {
        System.arraycopy(profiles, user * k, q, at, k);
    }

    /** The axis with the largest positive term, or -1; computed for the listed items only. */
    @Override
    int because(ScoreRow row, boolean[] inHistory, int j) {
        double best = 0;
        int arg = -1;
        for (int a = 0; a < k; a++) {
            double t = row.query[a] * component(j, a);
            if (t > best) {
                best = t;
                arg = a;
            }
        }
        return arg;
    }

    @Override
    Reason explains() {
        return Reason.AXIS;
    }
}
