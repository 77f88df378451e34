package dev.ntg.concurrent;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("Parallel")
class ParallelTest {
    @ParameterizedTest(name = "on {0} threads")
    @ValueSource(ints = {1, 2, 3, 64})
    @DisplayName("every index of the range is computed exactly once")
    void everyIndexOnce(int threads) {
        int[] hits = new int[1000];
        Parallel.forRange(threads, hits.length, (from, to) -> {
            for (int i = from; i < to; i++) hits[i]++;
        });
        for (int h : hits) assertEquals(1, h);
    }

    @Test
    @DisplayName("a task's own runtime exception reaches the caller unwrapped")
    void unwrapsFailure() {
        List<Runnable> tasks = new ArrayList<>();
        tasks.add(() -> { });
        tasks.add(() -> {
            throw new IllegalArgumentException("bad row");
        });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallel.runAll("test", 2, tasks));
        assertEquals("bad row", e.getMessage());
    }

    @Test
    @DisplayName("one thread runs the tasks in order on the caller's thread")
    void oneThreadInline() {
        Thread caller = Thread.currentThread();
        AtomicInteger next = new AtomicInteger();
        List<Runnable> tasks = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            int expected = k;
            tasks.add(() -> {
                assertSame(caller, Thread.currentThread());
                assertEquals(expected, next.getAndIncrement());
            });
        }
        Parallel.runAll("test", 1, tasks);
        assertEquals(3, next.get());
    }
}
