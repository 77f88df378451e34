package dev.ntg.ranking;

import dev.ntg.NtgException;
import dev.ntg.io.DuckSession;

import java.nio.file.Path;
import java.util.List;

/**
 * Stage 04's TRAIN-fitted artifacts on the ranking's indices: item axis loadings, user taste profiles, the axes'
 * readable names, and (when {@code taste.embeddings} is on) the item latent factors. Rows are matched by
 * id through the ranking's index tables, so the order of the files does not matter; a TRAIN item or user missing
 * from a file keeps a zero row (it scores 0 there). Read only from the Parquet files, never from stage 04's code.
 *
 * @param k          taste axes
 * @param loadings   row-major nItems × k
 * @param profiles   row-major nUsers × k
 * @param axisNames  per axis (index = axis id − 1): its over-represented genres joined by " · ", else its label
 * @param rank       latent factors per row (0 when absent)
 * @param itemFactors row-major nItems × rank, or null
 */
record TasteInputs(int k, double[] loadings, double[] profiles, String[] axisNames, int rank, double[] itemFactors) {

    static TasteInputs load(DuckSession duck, TrainData train, Path axes, Path itemAxes, Path userTaste, Path itemFactors) {
        int k = (int) duck.queryLong("SELECT count(*) FROM " + DuckSession.parquet(axes));
        if (k == 0) throw new NtgException("rank: " + axes + " has no axes: rerun `ntg build-taste`");
        String[] names = new String[k];
        duck.forEach("SELECT axis, label, genres FROM " + DuckSession.parquet(axes) + " ORDER BY axis", rs -> {
            int a = rs.getInt(1);
            if (a < 1 || a > k) throw new NtgException("rank: " + axes + " numbers its axes outside 1.." + k + ": rerun `ntg build-taste`");
            Object[] g = (Object[]) rs.getArray(3).getArray();
            names[a - 1] = g.length == 0 ? rs.getString(2) : String.join(" · ", java.util.Arrays.stream(g).map(String::valueOf).toList());
        });
        double[] loadings = vectors(duck, itemAxes, "item_id", "loadings", train.itemTable, train.nItems, k);
        double[] profiles = vectors(duck, userTaste, "user_id", "scores", train.userTable, train.nUsers, k);
        if (itemFactors == null) return new TasteInputs(k, loadings, profiles, names, 0, null);
        int rank = (int) duck.queryLong("SELECT coalesce(max(len(factors)), 0) FROM " + DuckSession.parquet(itemFactors));
        if (rank == 0) return new TasteInputs(k, loadings, profiles, names, 0, null);
        return new TasteInputs(k, loadings, profiles, names, rank, vectors(duck, itemFactors, "item_id", "factors", train.itemTable, train.nItems, rank));
    }

    /** A list column per id, placed at the id's index (row-major n × width); ids unknown to TRAIN are ignored. */
    private static double[] vectors(DuckSession duck, Path file, String idColumn, String column, String indexTable, int n, int width) {
        double[] out = new double[n * width];
        List<String> bad = new java.util.ArrayList<>();
        duck.forEach("SELECT t.idx, f." + column + " FROM " + DuckSession.parquet(file) + " f JOIN " + indexTable + " t ON t." + idColumn
                + " = CAST(f." + idColumn + " AS VARCHAR) ORDER BY t.idx", rs -> {
            Object[] v = (Object[]) rs.getArray(2).getArray();
            if (v.length != width) {
                if (bad.isEmpty()) bad.add(rs.getInt(1) + ": " + v.length);
                return;
            }
            int o = rs.getInt(1) * width;
            for (int a = 0; a < width; a++) out[o + a] = v[a] == null ? 0 : ((Number) v[a]).doubleValue();
        });
        if (!bad.isEmpty()) {
            throw new NtgException("rank: " + file + " has a " + column + " row of another length than " + width
                    + " (stage 04's files disagree: rerun `ntg build-taste`)");
        }
        return out;
    }
}
