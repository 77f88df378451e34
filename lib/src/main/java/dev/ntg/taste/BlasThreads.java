package dev.ntg.taste;

/**
 * Pins OpenBLAS (used inside ARPACK and by Smile's dense LAPACK calls) to one thread. Its level-2 kernels split
 * sums by thread, so results could change in the last bits with the core count; the expensive part of our
 * solves is the sparse operator, which is parallel and deterministic on our side.
 */
final class BlasThreads {
    private static volatile boolean pinned;

    private BlasThreads() {
    }

    static void pin() {
        if (pinned) return;
        synchronized (BlasThreads.class) {
            if (pinned) return;
            org.bytedeco.javacpp.Loader.load(org.bytedeco.openblas.global.openblas_nolapack.class);
            org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(1);
            org.bytedeco.javacpp.Loader.load(org.bytedeco.arpackng.global.arpack.class);
            pinned = true;
        }
    }
}
