package dev.ntg.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Work spread over a fixed number of threads such that the result does not depend on how many: every task
 * writes only its own slots, and a failure reaches the caller as the task's own exception rather than
 * wrapped in the pool's.
 */
public final class Parallel {
    private Parallel() {
    }

    /** The body of one block of indices, with a workspace the block's thread reuses. */
    public interface Block<W> {
        void run(W workspace, int from, int to);
    }

    /** The body of one block of indices. */
    public interface Range {
        void run(int from, int to);
    }

    /**
     * Splits [0, n) into contiguous blocks run on {@code threads} threads. Each index is computed by exactly one
     * task, in order, and writes only its own slots, so results do not depend on the thread count.
     */
    public static <W> void forRange(int threads, int n, Supplier<W> workspace, Block<W> body) {
        int t = Math.max(1, Math.min(threads, n));
        if (t == 1) {
            body.run(workspace.get(), 0, n);
            return;
        }
        // More blocks than threads balance uneven users; each block gets a fresh workspace from its thread.
        int blocks = Math.min(n, t * 8);
        ThreadLocal<W> local = ThreadLocal.withInitial(workspace);
        List<Runnable> tasks = new ArrayList<>(blocks);
        for (int b = 0; b < blocks; b++) {
            int from = (int) ((long) n * b / blocks), to = (int) ((long) n * (b + 1) / blocks);
            tasks.add(() -> body.run(local.get(), from, to));
        }
        runAll("ntg-parallel", t, tasks);
    }

    /** {@link #forRange(int, int, Supplier, Block)} for a body that needs no workspace. */
    public static void forRange(int threads, int n, Range body) {
        forRange(threads, n, () -> null, (none, from, to) -> body.run(from, to));
    }

    /**
     * Runs every task once on at most {@code threads} daemon threads named {@code threadName} (the name shows in
     * profiles), and returns when all have finished. One thread runs the tasks in order on the caller's thread.
     */
    public static void runAll(String threadName, int threads, List<? extends Runnable> tasks) {
        int t = Math.max(1, Math.min(threads, tasks.size()));
        if (t == 1) {
            for (Runnable task : tasks) task.run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(t, r -> {
            Thread th = new Thread(r, threadName);
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> fs = new ArrayList<>(tasks.size());
            for (Runnable task : tasks) fs.add(pool.submit(task));
            for (Future<?> f : fs) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
