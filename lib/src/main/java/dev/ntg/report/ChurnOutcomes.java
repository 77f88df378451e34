package dev.ntg.report;

import dev.ntg.io.DuckSession;
import dev.ntg.io.Sql;

import java.nio.file.Path;
import java.util.List;

/**
 * The labelled users of one churn window as the figures need them: each user's calibrated probability and observed
 * outcome, read from {@code scores.parquet}. One reader for the HTML report and the notebooks, so both draw the score
 * histograms and the gain curve from exactly the same rows.
 *
 * @param p       calibrated churn probability per user, in user-id order
 * @param churned observed outcome per user, aligned with {@code p}
 */
public record ChurnOutcomes(double[] p, boolean[] churned) {
    public ChurnOutcomes {
        if (p.length != churned.length) throw new IllegalArgumentException(p.length + " probabilities but " + churned.length + " outcomes");
    }

    /**
     * The users of {@code split} ({@code val} or {@code test}) with an observed label; censored users (null {@code churned})
     * have no outcome to compare with and are left out, as in the stage's metrics.
     */
    public static ChurnOutcomes read(DuckSession duck, Path scores, String split) {
        List<double[]> rows = duck.query("SELECT p_calibrated, CASE WHEN churned THEN 1 ELSE 0 END FROM " + DuckSession.parquet(scores)
                + " WHERE split = " + Sql.literal(split) + " AND churned IS NOT NULL AND p_calibrated IS NOT NULL ORDER BY user_id",
                rs -> new double[]{rs.getDouble(1), rs.getInt(2)});
        double[] p = new double[rows.size()];
        boolean[] y = new boolean[rows.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = rows.get(i)[0];
            y[i] = rows.get(i)[1] == 1;
        }
        return new ChurnOutcomes(p, y);
    }

    public int size() {
        return p.length;
    }
}
