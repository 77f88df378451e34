package dev.ntg.taste;

import smile.math.MathEx;
import smile.validation.metric.AdjustedRandIndex;
import smile.validation.metric.NormalizedMutualInformation;

import java.util.ArrayList;
import java.util.List;

/**
 * How well the axes recover a planted structure (the synthetic service's genres). Items: NMI (arithmetic
 * normalisation, 2·I / (H₁ + H₂)) and ARI between each item's dominant axis and its planted dominant genre.
 * Users: for each genre, the axis holding most of the genre's items is its match, and we report the Pearson
 * correlation, over users, between the score on that axis and the planted taste for the genre; also the best
 * correlation over all axes. Because an item with a flat planted mixture has no well-defined dominant genre, NMI is
 * also reported on the "clear" items alone, those whose planted dominant weight is at least {@value #CLEAR_WEIGHT};
 * this is an addition, never a replacement, for the all-items figure.
 *
 * @param items                  items compared
 * @param nmi                    normalised mutual information, axis vs planted genre
 * @param ari                    adjusted Rand index, axis vs planted genre
 * @param clearItems             items whose planted dominant genre weighs at least {@value #CLEAR_WEIGHT}
 * @param clearNmi               NMI on those items only
 * @param users                  users compared
 * @param genres                 per planted genre
 * @param meanMatchedCorrelation mean over genres of the matched correlation
 * @param meanBestCorrelation    mean over genres of the best correlation
 */
public record Recovery(long items, double nmi, double ari, long clearItems, double clearNmi, long users, List<GenreMatch> genres, double meanMatchedCorrelation,
                       double meanBestCorrelation) {
    /** Planted dominant weight from which an item counts as having a clear genre. */
    public static final double CLEAR_WEIGHT = 0.5;

    /**
     * @param genre           planted genre
     * @param items           items whose planted dominant genre it is
     * @param axis            matched axis (1-based): the axis holding most of these items
     * @param itemShare       share of the genre's items on the matched axis
     * @param correlation     Pearson r between users' matched-axis scores and planted taste
     * @param bestAxis        axis (1-based) with the highest correlation
     * @param bestCorrelation that correlation
     */
    public record GenreMatch(String genre, long items, int axis, double itemShare, double correlation, int bestAxis, double bestCorrelation) {
    }

    /**
     * @param plantedGenre planted dominant genre index per item (-1 unknown)
     * @param plantedWeight that genre's weight in the item's planted mixture
     * @param taste        planted taste per user (null unknown), genres in {@code genreNames} order
     */
    public static Recovery of(int[] itemAxis, int[] plantedGenre, double[] plantedWeight, double[][] scores, double[][] taste, List<String> genreNames, int k) {
        int g = genreNames.size();
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < itemAxis.length; i++) if (itemAxis[i] >= 0 && plantedGenre[i] >= 0) idx.add(i);
        int[] a = new int[idx.size()], b = new int[idx.size()];
        long[][] table = new long[g][k];
        long[] genreItems = new long[g];
        for (int r = 0; r < a.length; r++) {
            a[r] = itemAxis[idx.get(r)];
            b[r] = plantedGenre[idx.get(r)];
            table[b[r]][a[r]]++;
            genreItems[b[r]]++;
        }
        double nmi = a.length < 2 ? 0 : NormalizedMutualInformation.sum(a, b);
        double ari = a.length < 2 ? 0 : AdjustedRandIndex.of(a, b);
        int clear = 0;
        for (int i : idx) if (plantedWeight[i] >= CLEAR_WEIGHT) clear++;
        int[] ca = new int[clear], cb = new int[clear];
        for (int r = 0, c = 0; r < a.length; r++) {
            if (plantedWeight[idx.get(r)] < CLEAR_WEIGHT) continue;
            ca[c] = a[r];
            cb[c++] = b[r];
        }
        double clearNmi = clear < 2 ? 0 : NormalizedMutualInformation.sum(ca, cb);

        List<Integer> users = new ArrayList<>();
        for (int u = 0; u < scores.length; u++) if (taste[u] != null) users.add(u);
        int m = users.size();
        List<GenreMatch> matches = new ArrayList<>();
        double sumMatched = 0, sumBest = 0;
        for (int x = 0; x < g; x++) {
            int axis = 0;
            for (int y = 1; y < k; y++) if (table[x][y] > table[x][axis]) axis = y;
            double[] planted = new double[m];
            for (int r = 0; r < m; r++) planted[r] = taste[users.get(r)][x];
            double[] corr = new double[k];
            int best = 0;
            for (int y = 0; y < k; y++) {
                double[] s = new double[m];
                for (int r = 0; r < m; r++) s[r] = scores[users.get(r)][y];
                corr[y] = m < 3 ? 0 : pearson(s, planted);
                if (corr[y] > corr[best]) best = y;
            }
            double share = genreItems[x] == 0 ? 0 : (double) table[x][axis] / genreItems[x];
            matches.add(new GenreMatch(genreNames.get(x), genreItems[x], axis + 1, share, corr[axis], best + 1, corr[best]));
            sumMatched += corr[axis];
            sumBest += corr[best];
        }
        return new Recovery(a.length, nmi, ari, clear, clearNmi, m, matches, g == 0 ? 0 : sumMatched / g, g == 0 ? 0 : sumBest / g);
    }

    private static double pearson(double[] x, double[] y) {
        double sx = MathEx.sd(x), sy = MathEx.sd(y);
        if (sx == 0 || sy == 0) return 0;
        return MathEx.cor(x, y);
    }
}
