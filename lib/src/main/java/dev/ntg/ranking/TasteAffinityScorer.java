package dev.ntg.ranking;

/**
 * Taste-axis affinity from stage 04: score(u, j) = Σ_a profile_u[a] · loading_j[a], the user's TRAIN-fitted taste
 * profile (smoothed toward the population) against the item's axis loadings; items without loadings score 0. The
 * explanation is the axis with the largest term profile_u[a] · loading_j[a] (ties: the lower axis id).
 */
final class TasteAffinityScorer extends Scorer {
    private final double[] loadings;
    private final double[] profiles;
    private final int k;

    TasteAffinityScorer(TasteInputs taste) {
        this.loadings = taste.loadings();
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
    void fill(int user, int[] history, ScoreRow row) {
        row.makeDense();
        double[] v = row.v;
        int p = user * k;
        for (int j = 0, o = 0; j < v.length; j++, o += k) {
            double s = 0, best = 0;
            int arg = -1;
            for (int a = 0; a < k; a++) {
                double t = profiles[p + a] * loadings[o + a];
                s += t;
                if (t > best) {
                    best = t;
                    arg = a;
                }
            }
            v[j] = s;
            row.because[j] = arg;
        }
    }

    @Override
    Reason explains() {
        return Reason.AXIS;
    }
}
