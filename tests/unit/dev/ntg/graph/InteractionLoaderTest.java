package dev.ntg.graph;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("One interaction per (user, item): its latest event")
class InteractionLoaderTest {
    @Test
    @DisplayName("each user's events in time order keep the latest of each item, in the order of those latest events")
    void latestPerItem() {
        // user 0: items 2, 0, 2, 1 at t = 10, 20, 30, 40; user 1: item 1; user 2: nothing; user 3: item 0 twice
        int[] userPtr = {0, 4, 1, 0, 2};
        int[] items = {2, 0, 2, 1, 1, 0, 0};
        long[] ts = {10, 20, 30, 40, 15, 5, 6};
        double[] values = {1, 2, 3, 4, 5, 6, 7};
        int kept = InteractionLoader.latestPerItem(userPtr, items, ts, values, 3);
        assertEquals(5, kept);
        assertArrayEquals(new int[]{0, 3, 1, 0, 1}, userPtr, "kept per user");
        assertArrayEquals(new int[]{0, 2, 1, 1, 0}, java.util.Arrays.copyOf(items, kept));
        assertArrayEquals(new long[]{20, 30, 40, 15, 6}, java.util.Arrays.copyOf(ts, kept));
        assertArrayEquals(new double[]{2, 3, 4, 5, 7}, java.util.Arrays.copyOf(values, kept), "the value of the latest event");
    }
}
