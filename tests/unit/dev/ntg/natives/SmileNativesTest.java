package dev.ntg.natives;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import smile.math.matrix.Matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * The pom picks the bytedeco natives for the build machine's platform (profiles by OS and architecture);
 * this fails with UnsatisfiedLinkError if the platform's OpenBLAS/LAPACK did not make it onto the classpath.
 */
@DisplayName("Smile's native BLAS/LAPACK")
class SmileNativesTest {
    @Test
    @DisplayName("loads and computes the singular values of a diagonal matrix")
    void svd() {
        // diag(1, 3, 2) has singular values 3, 2, 1 (LAPACK returns them in descending order)
        Matrix m = Matrix.of(new double[][]{{1, 0, 0}, {0, 3, 0}, {0, 0, 2}});
        assertArrayEquals(new double[]{3, 2, 1}, m.svd(true, true).s, 1e-12);
    }
}
