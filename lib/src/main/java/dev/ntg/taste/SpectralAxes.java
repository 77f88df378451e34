package dev.ntg.taste;

import dev.ntg.NtgException;
import smile.clustering.BBDTree;
import smile.clustering.KMeans;
import smile.math.MathEx;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

/**
 * Taste axes by spectral co-clustering of the bipartite user–item graph (Dhillon 2001; Ng, Jordan and Weiss 2002):
 * the binary TRAIN matrix is normalised by user and item degrees, Â = D_u^{-1/2} A (D_i + τ)^{-1/2}; the item side of its
 * leading singular vectors (2K by default) is an embedding in which items consumed by the same kind of users sit together.
 * The item degrees are regularised (Amini et al. 2013; Qin and Rohe 2013): τ, a small multiple of the mean item degree,
 * is added to each. Without it, on a large catalog with a long tail, items seen by a handful of users (and the few
 * users who saw them) form nearly separate corners of the graph whose localised vectors take leading places in the
 * spectrum: on the 10M-event synthetic service three of eight axes were such tail clusters that almost no user leaned
 * on, and planted-genre NMI fell to 0.45; with τ = 0.1 × mean degree it is 0.69, level with an oracle that knows every
 * user's planted taste (0.69), while the 200K dev service stays at its 0.53.
 * Rows are scaled to unit length and clustered by k-means (Smile, k-means++ seeds, best of several restarts);
 * each cluster is an axis. An item's loading on an axis is its squared cosine to the axis centroid (clipped at 0),
 * normalised to sum to 1: the share of its taste direction that points along each axis.
 * Axes are numbered by size (largest first, ties by their smallest item index), so a rerun numbers them alike.
 */
public final class SpectralAxes {
    /**
     * ARPACK tolerance (relative residual of the Ritz pairs). k-means on unit rows is blind to errors far below
     * 1e-6, and the tighter 1e-9 cost up to twice the Lanczos restarts.
     */
    private static final double TOL = 1e-6;

    private SpectralAxes() {
    }

    /**
     * @param rowWeight     multiplicity of each user (bootstrap), or null for 1 each; 0 drops a user
     * @param minItemUsers  items with fewer users (in this fit) get loadings but do not take part in k-means
     * @param dimsPerAxis   singular vectors per axis in the embedding k-means clusters
     * @param degreeRegularization τ as a multiple of the mean item degree of this fit, added to every item degree
     * @param warmStart     a previous fit's {@link AxisFit#warmStart()} to start the eigen-solver from, or null
     */
    public static AxisFit fit(TasteData d, double[] rowWeight, int k, int dimsPerAxis, double degreeRegularization, int minItemUsers,
                              int restarts, long seed, double[] warmStart, ForkJoinPool pool) {
        if (k > d.nItems) {
            throw new NtgException("build-taste: taste.k = " + k + " exceeds the " + d.nItems + " items in TRAIN: set taste.k to at most " + d.nItems);
        }
        double[] userDeg = new double[d.nUsers];
        double[] itemDeg = new double[d.nItems];
        int[] itemUsers = new int[d.nItems];
        for (int u = 0; u < d.nUsers; u++) {
            double r = rowWeight == null ? 1 : rowWeight[u];
            if (r == 0) continue;
            for (int q = d.userPtr[u]; q < d.userPtr[u + 1]; q++) {
                userDeg[u] += 1;
                itemDeg[d.items[q]] += r;
                itemUsers[d.items[q]]++;
            }
        }
        double degreeSum = 0;
        int present = 0;
        for (int i = 0; i < d.nItems; i++) {
            if (itemUsers[i] == 0) continue;
            degreeSum += itemDeg[i];
            present++;
        }
        double tau = present == 0 ? 0 : degreeRegularization * degreeSum / present;
        // Â = S_u A S_i. Row u repeated r times contributes r·a a' / d_u to ÂᵀÂ, the same as one
        // row scaled by sqrt(r / d_u).
        double[] rowScale = new double[d.nUsers], colScale = new double[d.nItems];
        for (int u = 0; u < d.nUsers; u++) {
            double r = rowWeight == null ? 1 : rowWeight[u];
            rowScale[u] = r == 0 || userDeg[u] == 0 ? 0 : Math.sqrt(r / userDeg[u]);
        }
        for (int i = 0; i < d.nItems; i++) colScale[i] = itemUsers[i] == 0 ? 0 : 1 / Math.sqrt(itemDeg[i] + tau);
        SparseGram g = SparseGram.scaled(d, rowScale, colScale, pool);
        // Default 2K dimensions, not K: on the synthetic service, genre recovery (NMI) rose from 0.31 with K to 0.53 with
        // 2K (and stayed there with 3K): a few leading directions carry non-genre structure (release cohorts, popularity).
        int dims = Math.min(d.nItems, dimsPerAxis * k);
        SymmetricEigen.Result eig = SymmetricEigen.largest(d.nItems, dims, g::gram, seed, warmStart, TOL);
        double[] sum = new double[d.nItems];
        for (double[] v : eig.vectors()) for (int i = 0; i < sum.length; i++) sum[i] += v[i];
        double[] spectrum = new double[k];
        for (int j = 0; j < k; j++) spectrum[j] = Math.sqrt(Math.max(0, eig.values()[j]));
        int n = d.nItems;
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            if (itemUsers[i] == 0) continue;
            double[] row = new double[dims];
            double norm = 0;
            for (int j = 0; j < dims; j++) {
                row[j] = eig.vectors()[j][i];
                norm += row[j] * row[j];
            }
            norm = Math.sqrt(norm);
            if (norm > 0) for (int j = 0; j < dims; j++) row[j] /= norm;
            x[i] = row;
        }
        boolean[] shaping = new boolean[n];
        int shapers = 0;
        for (int i = 0; i < n; i++) {
            shaping[i] = x[i] != null && itemUsers[i] >= minItemUsers;
            if (shaping[i]) shapers++;
        }
        if (shapers < k) {
            // Too few well-supported items: let every present item shape the axes rather than fail.
            shapers = 0;
            for (int i = 0; i < n; i++) {
                shaping[i] = x[i] != null;
                if (shaping[i]) shapers++;
            }
        }
        if (shapers < k) {
            throw new NtgException("build-taste: taste.k = " + k + " exceeds the " + shapers + " items present in this fit: lower taste.k");
        }
        double[][] data = new double[shapers][];
        for (int i = 0, r = 0; i < n; i++) if (shaping[i]) data[r++] = x[i];

        // One BBD tree for all restarts (KMeans.fit(data, ...) would build the same tree again for each); the tree is
        // only read. Restarts run side by side: Smile draws k-means++ seeds from a per-thread generator, seeded here at
        // the start of each restart, so each restart draws what it drew when they ran one after another.
        BBDTree tree = new BBDTree(data);
        KMeans[] runs = new KMeans[restarts];
        pool.submit(() -> java.util.stream.IntStream.range(0, restarts).parallel().forEach(r -> {
            MathEx.setSeed(seed + 7919L * (r + 1));
            runs[r] = KMeans.fit(tree, data, k, 100, 1e-6);
        })).join();
        KMeans best = null;
        for (KMeans km : runs) if (best == null || km.distortion < best.distortion) best = km;
        double[][] centroids = new double[k][];
        for (int a = 0; a < k; a++) {
            double[] c = best.centroids[a].clone();
            double norm = Math.sqrt(MathEx.dot(c, c));
            if (norm > 0) for (int j = 0; j < c.length; j++) c[j] /= norm;
            centroids[a] = c;
        }

        double[][] loadings = new double[n][];
        int[] dominant = new int[n];
        for (int i = 0; i < n; i++) {
            if (x[i] == null) {
                dominant[i] = -1;
                continue;
            }
            loadings[i] = loadings(x[i], centroids);
            dominant[i] = argmax(loadings[i]);
        }
        int[] newId = renumber(dominant, k);
        for (int i = 0; i < n; i++) {
            if (x[i] == null) continue;
            double[] old = loadings[i];
            double[] l = new double[k];
            for (int a = 0; a < k; a++) l[newId[a]] = old[a];
            loadings[i] = l;
            dominant[i] = newId[dominant[i]];
        }
        return new AxisFit(k, spectrum, loadings, dominant, shaping, best.distortion, eig.steps(), sum);
    }

    /** Squared positive cosines to the (unit) centroids, normalised to sum to 1; all weight on the nearest if none is positive. */
    static double[] loadings(double[] x, double[][] centroids) {
        int k = centroids.length;
        double[] l = new double[k];
        double sum = 0, bestCos = Double.NEGATIVE_INFINITY;
        int best = 0;
        for (int a = 0; a < k; a++) {
            double c = MathEx.dot(x, centroids[a]);
            if (c > bestCos) {
                bestCos = c;
                best = a;
            }
            if (c > 0) {
                l[a] = c * c;
                sum += l[a];
            }
        }
        if (sum == 0) {
            l[best] = 1;
            return l;
        }
        for (int a = 0; a < k; a++) l[a] /= sum;
        return l;
    }

    static int argmax(double[] v) {
        int b = 0;
        for (int a = 1; a < v.length; a++) if (v[a] > v[b]) b = a;
        return b;
    }

    /** New ids: by size descending, ties by the smallest member index; empty axes last in old order. */
    private static int[] renumber(int[] dominant, int k) {
        long[] size = new long[k];
        int[] first = new int[k];
        Arrays.fill(first, Integer.MAX_VALUE);
        for (int i = 0; i < dominant.length; i++) {
            int a = dominant[i];
            if (a < 0) continue;
            size[a]++;
            first[a] = Math.min(first[a], i);
        }
        Integer[] order = new Integer[k];
        for (int a = 0; a < k; a++) order[a] = a;
        Arrays.sort(order, (p, q) -> size[p] != size[q] ? Long.compare(size[q], size[p]) : first[p] != first[q] ? Integer.compare(first[p], first[q])
                : Integer.compare(p, q));
        int[] newId = new int[k];
        for (int r = 0; r < k; r++) newId[order[r]] = r;
        return newId;
    }
}
