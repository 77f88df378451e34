package dev.ntg.ranking;

import java.util.Arrays;
import java.util.List;

/**
 * TRAIN-defined segments: users light / medium / heavy by their TRAIN event count (at or below the light
 * quantile, above the heavy quantile, between), items head / tail (head: the most popular items, by distinct
 * users, covering head_share of TRAIN interactions; cold-start items count as tail).
 */
final class Segments {
    static final List<String> USER_SEGMENTS = List.of("light", "medium", "heavy");
    final long lightMax, heavyMin;
    final boolean[] head;
    final int headItems;
    private final long[] userEvents;

    Segments(TrainData train, double lightQuantile, double heavyQuantile, double headShare) {
        userEvents = train.userEvents;
        long[] sorted = train.userEvents.clone();
        Arrays.sort(sorted);
        lightMax = sorted[(int) Math.floor(lightQuantile * (sorted.length - 1))];
        heavyMin = sorted[(int) Math.floor(heavyQuantile * (sorted.length - 1))];
        head = new boolean[train.nItems];
        Integer[] order = new Integer[train.nItems];
        for (int i = 0; i < order.length; i++) order[i] = i;
        long[] pop = train.popularity;
        Arrays.sort(order, (a, b) -> pop[a] != pop[b] ? Long.compare(pop[b], pop[a]) : Integer.compare(a, b));
        long total = 0;
        for (long p : pop) total += p;
        long acc = 0;
        int h = 0;
        for (int i : order) {
            if (acc >= headShare * total) break;
            head[i] = true;
            acc += pop[i];
            h++;
        }
        headItems = h;
    }

    String userSegment(int u) {
        long e = userEvents[u];
        return e <= lightMax ? "light" : e > heavyMin ? "heavy" : "medium";
    }
}
