package dev.ntg.ranking;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Dot-product scorers ranked a block of users at a time")
class DotProductTopTest {
    /** The top n of one user's unseen items over the collected lists of a workspace pass. */
    private static List<int[]> tops(TrainData t, Scorer s, int[] users, int depth, int n) {
        Workspace ws = new Workspace(t, List.of(s));
        List<int[]> out = new ArrayList<>();
        ws.forEachUser(users, 0, users.length, depth, u -> out.add(ws.top(0, n)));
        return out;
    }

    @Nested
    @DisplayName("on four items with hand-computed scores")
    class Tiny {
        // item vectors (1,0), (0,1), (1,1), (-1,0); a user is the sum of their history's vectors
        final double[] v = {1, 0, 0, 1, 1, 1, -1, 0};
        final TrainData t = TrainData.of(new String[]{"a", "b"}, new String[]{"w", "x", "y", "z"}, new int[][]{{0}, {1}});
        final EmbeddingScorer emb = new EmbeddingScorer("svd", "test", v, 2);

        @Test
        @DisplayName("each user gets unseen items by score, ties by index, zeros and negatives last")
        void order() {
            // a = (1,0): x 0, y 1, z -1 -> y, x, z; b = (0,1): w 0, y 1, z 0 -> y, w, z
            List<int[]> got = tops(t, emb, new int[]{0, 1}, 3, 3);
            assertThat(got.get(0)).containsExactly(2, 1, 3);
            assertThat(got.get(1)).containsExactly(2, 0, 3);
        }

        @Test
        @DisplayName("a shorter list is the prefix, a deeper one than prepared is computed for the user alone")
        void depth() {
            assertThat(tops(t, emb, new int[]{0, 1}, 3, 2)).containsExactly(new int[]{2, 1}, new int[]{2, 0});
            assertThat(tops(t, emb, new int[]{1, 0}, 1, 3)).containsExactly(new int[]{2, 0, 3}, new int[]{2, 1, 3});
        }

        @Test
        @DisplayName("value() gives the score the list was ranked by")
        void value() {
            ScoreRow row = new ScoreRow(4, 2);
            emb.fill(0, new int[]{0, 2}, row);
            // user = (1,0) + (1,1) = (2,1)
            assertThat(new double[]{emb.value(row, 0), emb.value(row, 1), emb.value(row, 3)}).containsExactly(2, 1, -2);
        }
    }

    /** The top depth unseen items by q · V_j (summed in factor order, as the scorer does), ties by index: a full sort. */
    private static int[] fullSort(double[] q, double[] v, int f, int nItems, int[] seen, int depth) {
        double[] score = new double[nItems];
        for (int j = 0; j < nItems; j++) for (int k = 0; k < f; k++) score[j] += q[k] * v[j * f + k];
        return java.util.stream.IntStream.range(0, nItems).filter(j -> Arrays.binarySearch(seen, j) < 0).boxed()
                .sorted(Comparator.<Integer>comparingDouble(j -> -score[j]).thenComparing(j -> j)).limit(depth).mapToInt(Integer::intValue).toArray();
    }

    private static TrainData train(int nUsers, int nItems, int[][] hist) {
        String[] uid = new String[nUsers], iid = new String[nItems];
        Arrays.setAll(uid, i -> "u" + i);
        Arrays.setAll(iid, i -> "i" + i);
        return TrainData.of(uid, iid, hist);
    }

    private static int[][] histories(SplittableRandom rng, int nUsers, int nItems) {
        int[][] hist = new int[nUsers][];
        for (int u = 0; u < nUsers; u++) hist[u] = rng.ints(rng.nextInt(1, 40), 0, nItems).distinct().sorted().toArray();
        return hist;
    }

    @Test
    @DisplayName("across item tiles and user blocks, lists equal a full sort of every unseen item's score")
    void matchesFullSort() {
        int nItems = 2 * DotProductScorer.TILE + 77, nUsers = Workspace.BLOCK + 5, f = 6; // f = 4 + 2: both kernel loops
        SplittableRandom rng = new SplittableRandom(11);
        double[] v = new double[nItems * f];
        // a coarse grid of values makes ties frequent, so the index tie-break is exercised
        for (int i = 0; i < v.length; i++) v[i] = rng.nextInt(-4, 5) / 4.0;
        int[][] hist = histories(rng, nUsers, nItems);
        TrainData t = train(nUsers, nItems, hist);
        EmbeddingScorer emb = new EmbeddingScorer("svd", "test", v, f);
        int[] users = new int[nUsers];
        Arrays.setAll(users, u -> u);
        // 50: the first tile fills the heap and later tiles are cut short; 200: the second tile finishes filling it
        for (int depth : new int[]{50, 200}) {
            long before = emb.scored();
            List<int[]> got = tops(t, emb, users, depth, depth);
            if (depth == 50) {
                assertThat(emb.scored() - before).as("scores computed: the scans stopped before the catalog's tail")
                        .isLessThan((long) nUsers * nItems);
            }
            for (int u = 0; u < nUsers; u++) {
                double[] p = new double[f];
                for (int h : hist[u]) for (int k = 0; k < f; k++) p[k] += v[h * f + k];
                assertThat(got.get(u)).as("user %d, depth %d", u, depth).containsExactly(fullSort(p, v, f, nItems, hist[u], depth));
            }
        }
    }

    @Test
    @DisplayName("taste affinity (soft memberships, all scores positive): lists equal a full sort")
    void membershipsMatchFullSort() {
        int nItems = 8 * DotProductScorer.TILE + 31, nUsers = Workspace.BLOCK + 3, k = 6;
        SplittableRandom rng = new SplittableRandom(5);
        double[] loadings = new double[nItems * k];
        for (int j = 0; j < nItems; j++) {
            // one main axis, small shares elsewhere on a grid (ties), summing to 1 like stage 04's loadings
            int main = rng.nextInt(k);
            double rest = 0;
            for (int a = 0; a < k; a++) {
                if (a != main) rest += loadings[j * k + a] = rng.nextInt(0, 3) / 40.0;
            }
            loadings[j * k + main] = 1 - rest;
        }
        double[] profiles = new double[nUsers * k];
        for (int u = 0; u < nUsers; u++) {
            for (int a = 0; a < k; a++) profiles[u * k + a] = rng.nextInt(1, 4) / 20.0;
            profiles[u * k + rng.nextInt(k)] = 0.6;
        }
        int[][] hist = histories(rng, nUsers, nItems);
        TasteAffinityScorer taste = new TasteAffinityScorer(new TasteInputs(k, loadings, profiles, new String[k], 0, null));
        int[] users = new int[nUsers];
        Arrays.setAll(users, u -> u);
        int depth = 100;
        List<int[]> got = tops(train(nUsers, nItems, hist), taste, users, depth, depth);
        for (int u = 0; u < nUsers; u++) {
            double[] q = Arrays.copyOfRange(profiles, u * k, u * k + k);
            assertThat(got.get(u)).as("user %d", u).containsExactly(fullSort(q, loadings, k, nItems, hist[u], depth));
        }
    }

    @Test
    @DisplayName("the bounded heap keeps the best pairs and admits only what would enter")
    void heap() {
        BoundedHeap h = new BoundedHeap(3);
        h.reset(2);
        h.offer(5, 1.0);
        h.offer(2, 3.0);
        assertThat(h.admits(1.0, 4)).isTrue();
        assertThat(h.admits(1.0, 6)).isFalse();
        h.offer(4, 1.0);
        h.offer(7, 0.5);
        int[] out = new int[2];
        assertThat(h.drainInto(out, 0)).isEqualTo(2);
        assertThat(out).containsExactly(2, 4);
    }
}
