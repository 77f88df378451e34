package dev.ntg.ranking;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("BoundedHeap keeps the best pairs in the ranking's order")
class BoundedHeapTest {
    @Test
    @DisplayName("the drained list is the head of a full sort (score desc, index asc), full or not, reused across resets")
    void headOfFullSort() {
        SplittableRandom r = new SplittableRandom(3);
        BoundedHeap heap = new BoundedHeap(40);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(120), k = 1 + r.nextInt(40);
            // few distinct scores, so ties decide many places
            double[] s = IntStream.range(0, n).mapToDouble(i -> r.nextInt(9) - 4).toArray();
            int[] order = IntStream.range(0, n).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(i -> -s[i]).thenComparingInt(i -> i))
                    .mapToInt(Integer::intValue).toArray();
            int[] expected = Arrays.copyOf(order, Math.min(k, n));
            heap.reset(k);
            // every index once, in a scrambled order that changes with the trial
            int shift = trial;
            int[] offerOrder = IntStream.range(0, n).map(i -> (n - 1 - i + shift) % n).toArray();
            for (int j : offerOrder) heap.offer(j, s[j]);
            int[] got = new int[heap.size()];
            assertEquals(expected.length, heap.drainInto(got, 0));
            assertArrayEquals(expected, got, "n=" + n + " k=" + k);
            assertEquals(0, heap.size());
        }
    }

    @Test
    @DisplayName("once full, the root is the worst kept pair and admits only what ranks above it")
    void floor() {
        BoundedHeap heap = new BoundedHeap(3);
        heap.reset(3);
        heap.offer(5, 2.0);
        heap.offer(1, 7.0);
        assertFalse(heap.full());
        heap.offer(9, 4.0);
        assertTrue(heap.full());
        assertEquals(2.0, heap.worstScore());
        assertFalse(heap.admits(2.0, 6));   // tie, larger index
        assertTrue(heap.admits(2.0, 4));    // tie, smaller index
        heap.offer(8, 3.0);
        assertEquals(3.0, heap.worstScore());
        int[] out = new int[3];
        heap.drainInto(out, 0);
        assertArrayEquals(new int[]{1, 9, 8}, out);
    }
}
