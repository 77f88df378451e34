package dev.ntg.graph;

import dev.ntg.concurrent.Parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The co-occurrence kernel for binary weights and whole histories (the default graph, and the one the benchmark
 * times against scipy): each unordered pair is counted once, in the row of its less-used item, from the part of
 * each user's history that ranks above that item. Full rows count every pair from both ends; this halves the
 * increments and the accumulator scans, and a symmetric measure scores each pair once.
 *
 * <p>A counted pair is scored and offered to both ends: to the row's own top K, which stays hot while the row is
 * scored, and to the partner's {@link EdgeCandidates} list, which drops it at once when it is below the floor the
 * partner has reached. Rows run from the most-used item down, so by the time the rows below offer an item
 * anything, its own pass (over the items above it) has filled its list and set its floor: on the 10M-event bench
 * 0.5% of those offers are kept. At the end each item's top K is chosen from every worker's list. Nothing is
 * held but these lists: 2K candidates per item and worker.
 *
 * <p>Items are ranked by their number of users, and each user's items re-sorted by rank, once (O(interactions)),
 * so that "the items above" is the tail of the user's sorted row. Workers take blocks of rows in a fixed order, a
 * pair's count is an integer and its score depends only on the pair, and the kept set is chosen by a total order
 * on (score, item id), so the graph does not depend on the thread count, and equals {@link FullRowCounter}'s.
 */
final class UpperTriangleCounter {
    private UpperTriangleCounter() {
    }

    /** Heap bytes one worker's candidate lists take. */
    static long candidateBytes(int items, int k) {
        return EdgeCandidates.slots(items, k) * (Double.BYTES + Long.BYTES);
    }

    static ItemGraph build(Interactions x, CooccurrenceCounter.Options o, int k, int threads) {
        long start = System.nanoTime();
        Above above = Above.of(x);
        AtomicInteger next = new AtomicInteger();
        List<Worker> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) workers.add(new Worker(x, above, o, k, next, workers));
        Parallel.runAll("ntg-cooccurrence", threads, workers);

        int n = x.nItems;
        int[][] dst = new int[n][];
        double[][] sim = new double[n][];
        int[][] cnt = new int[n][];
        next.set(0);
        List<Runnable> merges = new ArrayList<>();
        for (Worker w : workers) merges.add(() -> w.merge(dst, sim, cnt));
        Parallel.runAll("ntg-cooccurrence", threads, merges);
        List<KernelTally> tallies = new ArrayList<>();
        for (Worker w : workers) tallies.add(w.tally);
        return new ItemGraph(dst, sim, cnt, KernelTally.sum(tallies, (System.nanoTime() - start) / 1e9, threads));
    }

    /**
     * The items relabelled by rank, least-used first ({@code item[r]} is the item of rank r, {@code mass[r]} its
     * mass), every user's items sorted by rank ({@code ranks}), and for entry p of the transpose (item i, user u)
     * the range [{@code from[p]}, {@code to[p]}) of u's sorted ranks above i's. A pair is counted at the slot of
     * its more-used item, so the most-incremented slots sit together at the top of the accumulator and stay in
     * cache. The ranges sit in the transpose's order so that a row reads them sequentially.
     */
    private record Above(int[] item, double[] mass, int[] ranks, int[] from, int[] to) {
        static Above of(Interactions x) {
            int n = x.nItems;
            long[] byUse = new long[n];
            for (int i = 0; i < n; i++) byUse[i] = (long) x.itemDegree(i) << 32 | i;
            Arrays.sort(byUse);
            int[] item = new int[n];
            for (int r = 0; r < n; r++) item[r] = (int) byUse[r];
            double[] mass = new double[n];
            int[] cursor = x.userPtr.clone();
            int[] ranks = new int[x.items.length];
            int[] from = new int[x.itemUsers.length];
            int[] to = new int[x.itemUsers.length];
            // Ranks in increasing order fill each user's row in increasing order.
            for (int r = 0; r < n; r++) {
                int i = item[r];
                mass[r] = x.itemMass[i];
                for (int p = x.itemPtr[i]; p < x.itemPtr[i + 1]; p++) {
                    int u = x.itemUsers[p];
                    int at = cursor[u]++;
                    ranks[at] = r;
                    from[p] = at + 1;
                    to[p] = x.userPtr[u + 1];
                }
            }
            return new Above(item, mass, ranks, from, to);
        }
    }

    private static final class Worker implements Runnable {
        private final Interactions x;
        private final Above above;
        private final SimilarityMeasure measure;
        private final boolean symmetric;
        private final int minSupport;
        private final AtomicInteger next;
        private final List<Worker> all;
        private final int[] acc;
        /** Touched items while counting; then, compacted in place, the supported ones. */
        private final int[] touched;
        private final int[] supportedCount;
        private final TopK top;
        private final EdgeCandidates candidates;
        final KernelTally tally = new KernelTally();
        private long supported;

        Worker(Interactions x, Above above, CooccurrenceCounter.Options o, int k, AtomicInteger next, List<Worker> all) {
            this.x = x;
            this.above = above;
            this.measure = o.measure();
            this.symmetric = measure.symmetric();
            this.minSupport = o.minSupport();
            this.next = next;
            this.all = all;
            this.acc = new int[x.nItems];
            // One spare slot: the branch-free loops write every visited item at touched[nt] before deciding to keep it.
            this.touched = new int[x.nItems + 1];
            this.supportedCount = new int[x.nItems + 1];
            this.top = new TopK(k);
            this.candidates = new EdgeCandidates(x.nItems, k);
        }

        @Override
        public void run() {
            int n = x.nItems;
            for (int b = next.getAndIncrement(); b * CooccurrenceCounter.BLOCK < n; b = next.getAndIncrement()) {
                int hi = n - b * CooccurrenceCounter.BLOCK, lo = Math.max(0, hi - CooccurrenceCounter.BLOCK);
                for (int r = hi - 1; r >= lo; r--) row(r);
            }
        }

        /** The row of rank r: its pairs with the ranks above it. */
        private void row(int r) {
            int i = above.item[r];
            int p0 = x.itemPtr[i], pe = x.itemPtr[i + 1];
            long pairs = 0;
            for (int p = p0; p < pe; p++) pairs += above.to[p] - above.from[p];
            if (pairs == 0) return;   // nothing above r: its list only gets the offers of the rows below
            long t0 = System.nanoTime();
            // Dense when the row is expected to touch much of the ranks above r: then the accumulator is read back
            // in order, sequentially, rather than through the touched list's scattered order.
            boolean dense = 2 * pairs >= x.nItems - 1 - r;
            int nt = 0;
            if (dense) countDense(p0, pe);
            else nt = countListed(p0, pe);
            long t1 = System.nanoTime();
            int m = dense ? supportedDense(r) : supportedListed(nt);
            score(r, m);
            tally.countNs += t1 - t0;
            tally.scoreNs += System.nanoTime() - t1;
            tally.pairs += 2 * pairs;
        }

        /** Counts over the transpose entries [p0, pe) of one item. */
        private void countDense(int p0, int pe) {
            final int[] acc = this.acc, ranks = above.ranks, from = above.from, to = above.to;
            for (int p = p0; p < pe; p++) {
                for (int q = from[p], b = to[p]; q < b; q++) acc[ranks[q]]++;
            }
        }

        /**
         * The hot loop for sparse rows. Branch-free: whether j is visited for the first time is a branch the
         * predictor cannot learn, so every j is written to the touched list, which only grows when the count was 0.
         */
        private int countListed(int p0, int pe) {
            final int[] acc = this.acc, touched = this.touched, ranks = above.ranks, from = above.from, to = above.to;
            int nt = 0;
            for (int p = p0; p < pe; p++) {
                for (int q = from[p], b = to[p]; q < b; q++) {
                    int j = ranks[q];
                    int c = acc[j];
                    acc[j] = c + 1;
                    touched[nt] = j;
                    nt += (c - 1) >>> 31;   // 1 when c == 0
                }
            }
            return nt;
        }

        /**
         * Lists the supported ranks above r, and their counts, in one sequential pass over the accumulator without
         * branches (whether a slot is empty or below support follows no pattern the predictor could learn).
         */
        private int supportedDense(int r) {
            final int[] acc = this.acc, touched = this.touched, counts = this.supportedCount;
            final int n = x.nItems, minSupport = this.minSupport;
            int seen = 0, m = 0;
            for (int j = r + 1; j < n; j++) {
                int c = acc[j];
                seen += (-c) >>> 31;                  // 1 when c > 0
                touched[m] = j;
                counts[m] = c;
                m += (minSupport - 1 - c) >>> 31;     // 1 when c >= minSupport
                acc[j] = 0;
            }
            tally.distinct += 2L * seen;
            tally.below += 2L * (seen - m);
            return m;
        }

        /** The supported touched ranks, compacted in place, with their counts; the accumulator is cleared. */
        private int supportedListed(int nt) {
            final int[] acc = this.acc, touched = this.touched, counts = this.supportedCount;
            final int minSupport = this.minSupport;
            int m = 0;
            for (int t = 0; t < nt; t++) {
                int j = touched[t];
                int c = acc[j];
                acc[j] = 0;
                touched[m] = j;
                counts[m] = c;
                m += (minSupport - 1 - c) >>> 31;
            }
            tally.distinct += 2L * nt;
            tally.below += 2L * (nt - m);
            return m;
        }

        /**
         * Scores row r's m supported pairs, both ways: into r's top K, and offered to each j's list. Lists are kept
         * by rank; the edges name items, whose ids break ties.
         */
        private void score(int r, int m) {
            final int[] touched = this.touched, counts = this.supportedCount, item = above.item;
            final double[] mass = above.mass;
            final double cr = mass[r], users = x.userMass;
            final int i = item[r];
            // This worker's list for r is still empty: offers to r come from the rows below it, which it runs later.
            top.clear();
            // Backwards, so a dense row (listed in rank order) offers its most-used partners first: a pair's score
            // tends to grow with its partner's use, so a top K filled from the top rejects most later offers at the
            // root (on the 10M-event bench, 6.1M → 3.5M heap replacements).
            for (int t = m - 1; t >= 0; t--) {
                int j = touched[t], c = counts[t];
                double cj = mass[j];
                double s = measure.score(c, cr, cj, users);
                top.offer(s, item[j], c);
                candidates.offer(j, symmetric ? s : measure.score(c, cj, cr, users), i, c);
            }
            candidates.replace(r, top);
            supported += 2L * m;
        }

        /** Chooses the top K of rows, in blocks, from every worker's list. */
        void merge(int[][] outDst, double[][] outSim, int[][] outCnt) {
            long t0 = System.nanoTime();
            int n = x.nItems;
            for (int b = next.getAndIncrement() * CooccurrenceCounter.BLOCK; b < n; b = next.getAndIncrement() * CooccurrenceCounter.BLOCK) {
                for (int r = b, end = Math.min(n, b + CooccurrenceCounter.BLOCK); r < end; r++) {
                    top.clear();
                    for (Worker w : all) w.candidates.offerTo(r, top);
                    int kept = top.size();
                    if (kept == 0) continue;
                    int i = above.item[r];
                    outDst[i] = new int[kept];
                    outSim[i] = new double[kept];
                    outCnt[i] = new int[kept];
                    top.drainBestFirst(outDst[i], outSim[i], outCnt[i]);
                    tally.edges += kept;
                }
            }
            // Every supported pair was offered once to each end; all but the kept edges were pruned.
            tally.pruned += supported - tally.edges;
            tally.scoreNs += System.nanoTime() - t0;
        }
    }
}
