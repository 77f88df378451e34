package dev.ntg.taste;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Three obvious communities: items 0–4, 5–9 and 10–14; users 0–9 watch the first block, 10–19 the second, 20–29 the
 * third, and every user also watches one item of the next block (a weak bridge, so the graph is connected).
 */
@DisplayName("Spectral taste axes on a hand-built matrix with three communities")
class SpectralAxesTest {
    static TasteData threeBlocks() {
        List<int[]> t = new ArrayList<>();
        for (int u = 0; u < 30; u++) {
            int block = u / 10;
            for (int j = 0; j < 5; j++) t.add(new int[]{u, block * 5 + j, 1 + (u + j) % 3});
            t.add(new int[]{u, ((block + 1) % 3) * 5 + u % 5, 1});
        }
        int[] us = t.stream().mapToInt(r -> r[0]).toArray(), is = t.stream().mapToInt(r -> r[1]).toArray(), ns = t.stream().mapToInt(r -> r[2]).toArray();
        return TasteData.of(30, 15, us, is, ns);
    }

    /** One singular vector per axis: in a toy with perfect blocks, further directions are only noise. */
    static AxisFit fit(TasteData d) {
        return fit(d, 0.1);
    }

    static AxisFit fit(TasteData d, double degreeRegularization) {
        return SpectralAxes.fit(d, null, 3, 1, degreeRegularization, 1, 5, 42, null, new ForkJoinPool(2));
    }

    @Test
    @DisplayName("each block becomes one axis; axes are numbered by size, then by smallest item")
    void blocksAreAxes() {
        AxisFit f = fit(threeBlocks());
        // equal sizes (5 each), so the axis holding item 0 is axis 0, the one holding item 5 axis 1, item 10 axis 2
        for (int i = 0; i < 15; i++) assertEquals(i / 5, f.dominant()[i], "item " + i);
        assertArrayEquals(new long[]{5, 5, 5}, f.sizes());
        for (double[] l : f.loadings()) assertEquals(1.0, l[0] + l[1] + l[2], 1e-12);
        // regularised item degrees shrink the leading singular value below the 1 of the plain degree-normalised matrix
        assertTrue(f.spectrum()[0] < 1 && f.spectrum()[0] > 0.9, "leading singular value " + f.spectrum()[0]);
        AxisFit plain = fit(threeBlocks(), 0);
        assertEquals(1.0, plain.spectrum()[0], 1e-9);
        assertArrayEquals(f.dominant(), plain.dominant());
    }

    @Test
    @DisplayName("fits are bit-identical across runs and thread counts")
    void deterministic() {
        TasteData d = threeBlocks();
        AxisFit a = fit(d);
        AxisFit b = SpectralAxes.fit(d, null, 3, 1, 0.1, 1, 5, 42, null, new ForkJoinPool(1));
        assertArrayEquals(a.dominant(), b.dominant());
        for (int i = 0; i < 15; i++) assertArrayEquals(a.loadings()[i], b.loadings()[i], 0.0);
    }

    @Test
    @DisplayName("K larger than the number of items is an error naming taste.k")
    void tooManyAxes() {
        Exception e = assertThrows(dev.ntg.NtgException.class, () -> SpectralAxes.fit(threeBlocks(), null, 16, 2, 0.1, 1, 1, 1, null, new ForkJoinPool(1)));
        assertTrue(e.getMessage().contains("taste.k = 16") && e.getMessage().contains("15 items"), e.getMessage());
    }

    @Nested
    @DisplayName("user profiles")
    class Profiles {
        @Test
        @DisplayName("without smoothing, a user's profile is the mean of their items' loadings")
        void meanOfItems() {
            TasteData d = threeBlocks();
            AxisFit f = fit(d);
            TasteProfiles p = TasteProfiles.of(d, f.loadings(), 3, 0);
            double[] expected = new double[3];
            for (int q = d.userPtr[0]; q < d.userPtr[1]; q++) for (int a = 0; a < 3; a++) expected[a] += f.loadings()[d.items[q]][a] / 6;
            assertArrayEquals(expected, p.scores()[0], 1e-12);
            for (int u = 0; u < 30; u++) assertEquals(u / 10, p.dominant()[u], "user " + u);
        }

        @Test
        @DisplayName("smoothing s moves a user with n items by s / (n + s) of the way to the population profile")
        void shrinkage() {
            TasteData d = threeBlocks();
            AxisFit f = fit(d);
            TasteProfiles raw = TasteProfiles.of(d, f.loadings(), 3, 0);
            TasteProfiles smooth = TasteProfiles.of(d, f.loadings(), 3, 6);
            for (int a = 0; a < 3; a++) {
                // user 0 has 6 items: halfway between their own mean and the population
                assertEquals(0.5 * raw.scores()[0][a] + 0.5 * smooth.population()[a], smooth.scores()[0][a], 1e-12);
            }
            assertTrue(smooth.diversity()[0] > raw.diversity()[0], "shrinking toward the population spreads the profile");
        }
    }

    @Test
    @DisplayName("labels name the genre planted in each block, then the top titles")
    void labels() {
        List<List<String>> genres = new ArrayList<>();
        for (int i = 0; i < 15; i++) genres.add(i < 5 ? List.of("Crime", "Drama") : i < 10 ? List.of("Comedy") : List.of("Drama", "Romance"));
        Map<String, Double> share = AxisLabels.catalogShare(genres);
        // block 0: Crime share 1 (lift 3), Drama share 1 (lift 1.5): Crime ranks first by share × ln(lift)
        AxisLabels.Label l = AxisLabels.of(new int[]{0, 1, 2, 3, 4}, genres, share, List.of("The Godfather", "Goodfellas", "Heat", "Fargo"));
        assertEquals("Crime · Drama: The Godfather, Goodfellas, Heat", l.label());
        assertEquals(List.of(3.0, 1.5), l.lifts());
        // no metadata: top titles only
        List<List<String>> none = new ArrayList<>();
        for (int i = 0; i < 15; i++) none.add(List.of());
        assertEquals("Top: a, b", AxisLabels.of(new int[]{0, 1}, none, AxisLabels.catalogShare(none), List.of("a", "b")).label());
    }

    @Test
    @DisplayName("agreement: a relabelled identical partition has ARI 1 and overlap 1; recovery of the blocks has NMI 1")
    void agreementAndRecovery() {
        AxisFit f = fit(threeBlocks());
        int[] relabelled = new int[15];
        for (int i = 0; i < 15; i++) relabelled[i] = 2 - f.dominant()[i];
        AxisFit g = new AxisFit(3, f.spectrum(), f.loadings(), relabelled, f.shaping(), 0, 0, null);
        Agreement a = Agreement.of(f, g);
        assertEquals(15, a.items());
        assertEquals(1.0, a.ari(), 1e-12);
        assertEquals(1.0, a.matchedOverlap(), 1e-12);
        int[] planted = new int[15];
        for (int i = 0; i < 15; i++) planted[i] = i / 5;
        double[][] scores = TasteProfiles.of(threeBlocks(), f.loadings(), 3, 0).scores();
        double[][] taste = new double[30][];
        for (int u = 0; u < 30; u++) taste[u] = new double[]{u / 10 == 0 ? 1 : 0, u / 10 == 1 ? 1 : 0, u / 10 == 2 ? 1 : 0};
        // every fifth item has a flat planted mixture: it counts for NMI, not for the clear-genre NMI
        double[] weight = new double[15];
        for (int i = 0; i < 15; i++) weight[i] = i % 5 == 4 ? 0.4 : 0.8;
        Recovery r = Recovery.of(f.dominant(), planted, weight, scores, taste, List.of("x", "y", "z"), 3);
        assertEquals(1.0, r.nmi(), 1e-12);
        assertEquals(15, r.items());
        assertEquals(12, r.clearItems());
        assertEquals(1.0, r.clearNmi(), 1e-12);
        assertEquals(1.0, r.ari(), 1e-12);
        for (Recovery.GenreMatch m : r.genres()) assertTrue(m.correlation() > 0.9, m.toString());
    }
}
