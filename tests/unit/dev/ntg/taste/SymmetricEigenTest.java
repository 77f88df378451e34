package dev.ntg.taste;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("SymmetricEigen: ARPACK with a seeded start vector")
class SymmetricEigenTest {
    /** A random sparse 900 × 600 matrix: large enough for the ARPACK path. */
    static SparseGram randomGram(ForkJoinPool pool) {
        SplittableRandom rng = new SplittableRandom(7);
        List<int[]> t = new ArrayList<>();
        for (int u = 0; u < 900; u++) {
            java.util.TreeSet<Integer> items = new java.util.TreeSet<>();
            while (items.size() < 12) items.add(rng.nextInt(600));
            for (int i : items) t.add(new int[]{u, i, 1 + rng.nextInt(4)});
        }
        TasteData d = TasteData.of(900, 600, t.stream().mapToInt(r -> r[0]).toArray(), t.stream().mapToInt(r -> r[1]).toArray(),
                t.stream().mapToInt(r -> r[2]).toArray());
        double[] v = new double[d.items.length];
        for (int q = 0; q < v.length; q++) v[q] = Math.log1p(d.events[q]);
        return new SparseGram(d, v, pool);
    }

    @Test
    @DisplayName("agrees with dense LAPACK and is bit-identical on repeat calls and thread counts")
    void agreesAndRepeats() {
        SparseGram g2 = randomGram(new ForkJoinPool(2));
        SparseGram g1 = randomGram(new ForkJoinPool(1));
        SymmetricEigen.Result a = SymmetricEigen.largest(600, 6, g2::gram, 11, 1e-10);
        SymmetricEigen.Result b = SymmetricEigen.largest(600, 6, g1::gram, 11, 1e-10);
        SymmetricEigen.Result c = SymmetricEigen.largest(600, 6, g2::gram, 11, 1e-10);
        assertArrayEquals(a.values(), b.values(), 0.0);
        assertArrayEquals(a.values(), c.values(), 0.0);
        for (int k = 0; k < 6; k++) {
            assertArrayEquals(a.vectors()[k], b.vectors()[k], 0.0);
            assertArrayEquals(a.vectors()[k], c.vectors()[k], 0.0);
        }
        // dense reference: the operator materialised and solved by LAPACK (the small-problem path, forced here)
        double[] work = new double[1200];
        smile.math.matrix.Matrix m = new smile.math.matrix.Matrix(600, 600);
        for (int j = 0; j < 600; j++) {
            java.util.Arrays.fill(work, 0);
            work[j] = 1;
            g1.gram(work, 0, 600);
            for (int i = 0; i < 600; i++) m.set(i, j, work[600 + i]);
        }
        m.uplo(smile.math.blas.UPLO.LOWER);
        double[] dense = m.eigen(false, true, true).sort().wr;
        for (int k = 0; k < 6; k++) assertEquals(dense[k], a.values()[k], 1e-8 * dense[0]);
        for (int k = 0; k < 5; k++) assertTrue(a.values()[k] >= a.values()[k + 1]);
    }
}
