package dev.ntg.graph;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Candidate lists keep what a full sort keeps")
class EdgeCandidatesTest {
    private record Edge(double sim, int dst, int count) {
    }

    /** TopK's order: similarity desc, NaN last, then destination asc (two NaNs included). */
    private static final Comparator<Edge> BEST_FIRST = (a, b) -> Double.isNaN(a.sim) != Double.isNaN(b.sim)
            ? (Double.isNaN(a.sim) ? 1 : -1)
            : a.sim > b.sim ? -1 : a.sim < b.sim ? 1 : Integer.compare(a.dst, b.dst);

    private static List<Edge> kept(EdgeCandidates lists, int row, int k) {
        TopK top = new TopK(k);
        lists.offerTo(row, top);
        int m = top.size();
        int[] d = new int[m], c = new int[m];
        double[] s = new double[m];
        top.drainBestFirst(d, s, c);
        List<Edge> out = new ArrayList<>();
        for (int r = 0; r < m; r++) out.add(new Edge(s[r], d[r], c[r]));
        return out;
    }

    @Test
    void randomOffersWithTiesAndNaN() {
        SplittableRandom r = new SplittableRandom(5);
        int k = 4, rows = 6;
        for (int trial = 0; trial < 300; trial++) {
            EdgeCandidates lists = new EdgeCandidates(rows, k);
            List<List<Edge>> offered = new ArrayList<>();
            for (int row = 0; row < rows; row++) offered.add(new ArrayList<>());
            // Up to 40 offers per row (ten cuts at 2K = 8), from a few values so that ties are common.
            int offers = r.nextInt(rows * 40);
            for (int t = 0; t < offers; t++) {
                int row = r.nextInt(rows);
                int v = r.nextInt(12);
                double sim = v == 0 ? Double.NaN : v == 1 ? Double.NEGATIVE_INFINITY : v / 3.0;
                // A destination appears at most once per row, as in the kernel; scrambled so it is unrelated to the offer order.
                Edge e = new Edge(sim, t * 7919 % 1009, 1 + r.nextInt(9));
                offered.get(row).add(e);
                lists.offer(row, e.sim, e.dst, e.count);
            }
            for (int row = 0; row < rows; row++) {
                List<Edge> expected = new ArrayList<>(offered.get(row));
                expected.sort(BEST_FIRST);
                assertThat(kept(lists, row, k)).as("trial %d, row %d", trial, row).isEqualTo(expected.subList(0, Math.min(k, expected.size())));
            }
        }
    }

    @Test
    void aTieWithTheFloorStillEntersBySmallerDestination() {
        EdgeCandidates lists = new EdgeCandidates(1, 2);
        // Five offers cut the list to {0.9 → 1, 0.5 → 7} on the fifth: the floor is 0.5.
        lists.offer(0, 0.5, 7, 1);
        lists.offer(0, 0.9, 1, 1);
        lists.offer(0, 0.1, 2, 1);
        lists.offer(0, 0.2, 3, 1);
        lists.offer(0, 0.3, 4, 1);
        lists.offer(0, 0.5, 5, 2);    // ties the floor: ranks above 0.5 → 7 by its smaller destination
        lists.offer(0, 0.4999, 0, 1); // below the floor: dropped
        assertThat(kept(lists, 0, 2)).containsExactly(new Edge(0.9, 1, 1), new Edge(0.5, 5, 2));
    }

    @Test
    void replaceRaisesTheFloorOnlyWhenFull() {
        EdgeCandidates lists = new EdgeCandidates(2, 2);
        TopK one = new TopK(2);
        one.offer(0.8, 3, 1);
        lists.replace(0, one);
        lists.offer(0, 0.1, 4, 1);   // the list held one edge: no floor yet
        assertThat(kept(lists, 0, 2)).containsExactly(new Edge(0.8, 3, 1), new Edge(0.1, 4, 1));

        TopK two = new TopK(2);
        two.offer(0.8, 3, 1);
        two.offer(0.6, 9, 1);
        lists.replace(1, two);
        lists.offer(1, 0.5, 0, 1);   // below the floor 0.6
        lists.offer(1, 0.7, 8, 4);
        assertThat(kept(lists, 1, 2)).containsExactly(new Edge(0.8, 3, 1), new Edge(0.7, 8, 4));
    }
}
