package dev.ntg.taste;

import java.util.concurrent.ForkJoinPool;

/**
 * Latent user and item factors for ranking: a truncated SVD A ≈ U Σ Vᵀ of the user × item matrix weighted by
 * log(1 + events) (repeat consumption counts, with diminishing returns), from the K largest eigenpairs of AᵀA
 * (ARPACK, see {@link SymmetricEigen}); U = A V Σ⁻¹. Factors split Σ evenly — users U Σ^½, items V Σ^½ — so a
 * user·item dot product is the rank-r reconstruction of A. Signs are fixed per factor (largest item entry positive).
 *
 * @param rank              factors computed (the configured rank, clamped on tiny data)
 * @param singularValues    σ, descending
 * @param explainedVariance Σσ² / ‖A‖²_F
 * @param userFactors       per user, rank values
 * @param itemFactors       per item, rank values
 */
public record LatentFactors(int rank, double[] singularValues, double explainedVariance, double[][] userFactors, double[][] itemFactors) {
    public static final String WEIGHTING = "log1p(events)";

    public static LatentFactors fit(TasteData d, int wantedRank, long seed, ForkJoinPool pool) {
        int rank = Math.min(wantedRank, Math.min(d.nUsers, d.nItems));
        double[] values = new double[d.items.length];
        for (int q = 0; q < values.length; q++) values[q] = Math.log1p(d.events[q]);
        SparseGram a = new SparseGram(d, values, pool);
        SymmetricEigen.Result eig = SymmetricEigen.largest(d.nItems, rank, a::gram, seed, 1e-9);
        double[] sigma = new double[rank];
        double[][] items = new double[d.nItems][rank];
        double[][] users = new double[d.nUsers][rank];
        double[] u = new double[d.nUsers];
        double explained = 0;
        for (int j = 0; j < rank; j++) {
            sigma[j] = Math.sqrt(Math.max(0, eig.values()[j]));
            explained += sigma[j] * sigma[j];
            double root = Math.sqrt(sigma[j]);
            double[] v = eig.vectors()[j];
            for (int i = 0; i < d.nItems; i++) items[i][j] = v[i] * root;
            a.times(v, 0, u, 0);
            double scale = sigma[j] > 0 ? root / sigma[j] : 0;
            for (int x = 0; x < d.nUsers; x++) users[x][j] = u[x] * scale;
        }
        double total = a.frobenius2();
        return new LatentFactors(rank, sigma, total == 0 ? 0 : explained / total, users, items);
    }
}
