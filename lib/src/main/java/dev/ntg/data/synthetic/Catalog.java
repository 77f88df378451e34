package dev.ntg.data.synthetic;

import java.util.SplittableRandom;

/**
 * The items of the service: a Zipf popularity weight (by a random rank), a latent quality, a release day
 * and a sparse genre mixture. Alias tables per genre (weight ∝ popularity × mixture weight) and one over
 * global popularity make each play's item choice O(1). Items are indexed from 0; their ids are index + 1.
 */
final class Catalog {
    final int items;
    final int genres;
    /** Normalised to sum to 1, so the truth sidecar shows each item's share of global popularity. */
    final double[] popularity;
    final double[] quality;
    final int[] releaseDay;
    /** items × genres, row-major: mix[i * genres + g]. */
    final double[] mix;
    final int[] dominant;
    /** Per genre: the items that carry it, and an alias table over them (null when no item carries it). */
    final int[][] genreItems;
    final AliasTable[] byGenre;
    final AliasTable global;

    private Catalog(int items, int genres, double[] popularity, double[] quality, int[] releaseDay, double[] mix,
                    int[] dominant, int[][] genreItems, AliasTable[] byGenre, AliasTable global) {
        this.items = items;
        this.genres = genres;
        this.popularity = popularity;
        this.quality = quality;
        this.releaseDay = releaseDay;
        this.mix = mix;
        this.dominant = dominant;
        this.genreItems = genreItems;
        this.byGenre = byGenre;
        this.global = global;
    }

    static Catalog generate(long seed, int items, int genres, double zipfExponent, int days) {
        SplittableRandom rng = SeedStreams.of(seed, SeedStreams.CATALOG, 0);
        int[] rank = new int[items];
        for (int i = 0; i < items; i++) rank[i] = i;
        for (int i = items - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = rank[i];
            rank[i] = rank[j];
            rank[j] = t;
        }
        double[] popularity = new double[items];
        double total = 0;
        for (int i = 0; i < items; i++) {
            popularity[i] = Math.pow(rank[i] + 1.0, -zipfExponent);
            total += popularity[i];
        }
        for (int i = 0; i < items; i++) popularity[i] /= total;

        double[] quality = new double[items];
        int[] releaseDay = new int[items];
        double[] mix = new double[items * genres];
        int[] dominant = new int[items];
        int[] carriers = new int[genres];
        for (int i = 0; i < items; i++) {
            quality[i] = Draws.normal(rng);
            releaseDay[i] = rng.nextDouble() < ServiceModel.NEW_RELEASE_SHARE
                    ? rng.nextInt(days)
                    : -1 - rng.nextInt(ServiceModel.BACK_CATALOG_DAYS);
            Draws.dirichlet(rng, ServiceModel.MIX_ALPHA, mix, i * genres, genres);
            int best = 0;
            for (int g = 0; g < genres; g++) {
                if (mix[i * genres + g] > mix[i * genres + best]) best = g;
                if (mix[i * genres + g] > 0) carriers[g]++;
            }
            dominant[i] = best;
        }

        int[][] genreItems = new int[genres][];
        AliasTable[] byGenre = new AliasTable[genres];
        for (int g = 0; g < genres; g++) {
            int[] list = new int[carriers[g]];
            double[] w = new double[carriers[g]];
            int n = 0;
            for (int i = 0; i < items; i++) {
                double m = mix[i * genres + g];
                if (m > 0) {
                    list[n] = i;
                    w[n++] = popularity[i] * m;
                }
            }
            genreItems[g] = list;
            byGenre[g] = n > 0 && sum(w) > 0 ? AliasTable.of(w) : null;
        }
        return new Catalog(items, genres, popularity, quality, releaseDay, mix, dominant, genreItems, byGenre,
                AliasTable.of(popularity));
    }

    /** Genres whose weight reaches the listing threshold, dominant first, then by weight. */
    int[] listedGenres(int item) {
        int[] order = new int[genres];
        int n = 0;
        order[n++] = dominant[item];
        for (int g = 0; g < genres; g++) {
            if (g != dominant[item] && mix[item * genres + g] >= ServiceModel.GENRE_LIST_THRESHOLD) order[n++] = g;
        }
        // Insertion sort by weight (descending) after the dominant genre; ties keep genre order.
        for (int a = 2; a < n; a++) {
            int v = order[a];
            int b = a - 1;
            while (b >= 1 && mix[item * genres + order[b]] < mix[item * genres + v]) {
                order[b + 1] = order[b];
                b--;
            }
            order[b + 1] = v;
        }
        return java.util.Arrays.copyOf(order, n);
    }

    private static double sum(double[] w) {
        double s = 0;
        for (double x : w) s += x;
        return s;
    }
}
