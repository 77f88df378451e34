package dev.ntg.ranking;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Splits [0, n) into contiguous blocks run on a fixed number of threads. Each index is computed by exactly one
 * task, in order, and writes only its own slots, so results do not depend on the thread count.
 */
final class Parallel {
    private Parallel() {
    }

    interface Block<W> {
        void run(W workspace, int from, int to);
    }

    static <W> void forRange(int threads, int n, java.util.function.Supplier<W> workspace, Block<W> body) {
        int t = Math.max(1, Math.min(threads, n));
        if (t == 1) {
            body.run(workspace.get(), 0, n);
            return;
        }
        // More blocks than threads balance uneven users; each block gets a fresh workspace from its thread.
        int blocks = Math.min(n, t * 8);
        ExecutorService pool = Executors.newFixedThreadPool(t);
        ThreadLocal<W> local = ThreadLocal.withInitial(workspace);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int b = 0; b < blocks; b++) {
                int from = (int) ((long) n * b / blocks), to = (int) ((long) n * (b + 1) / blocks);
                fs.add(pool.submit(() -> body.run(local.get(), from, to)));
            }
            for (Future<?> f : fs) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
