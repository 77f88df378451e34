package dev.ntg.graph;

import dev.ntg.concurrent.Parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The co-occurrence kernel by full rows, for weighted or windowed co-occurrence (and binary graphs whose
 * {@link UpperTriangleCounter} candidate lists would not fit the heap): for each source item i, walks the users of
 * i (transpose CSR) and their items (CSR), accumulating counts into a dense per-thread accumulator with a list of
 * touched indices; then scores the touched pairs that meet min support and keeps the top K. Every pair is
 * counted from both ends, but a row is complete when it is counted, so it is pruned at once and nothing outlives
 * it. Rows are independent, so they are spread over threads in small blocks; within a row users are walked in
 * index order, so every floating-point sum has a fixed order and the result does not depend on the thread count.
 */
final class FullRowCounter {
    private FullRowCounter() {
    }

    static ItemGraph build(Interactions x, CooccurrenceCounter.Options o, int k, int threads) {
        int n = x.nItems;
        int[][] dst = new int[n][];
        double[][] sim = new double[n][];
        int[][] cnt = new int[n][];
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Worker> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) workers.add(new Worker(x, o, k, next, dst, sim, cnt));
        Parallel.runAll("ntg-cooccurrence", threads, workers);
        List<KernelTally> tallies = new ArrayList<>();
        for (Worker w : workers) tallies.add(w.tally);
        return new ItemGraph(dst, sim, cnt, KernelTally.sum(tallies, (System.nanoTime() - start) / 1e9, threads));
    }

    private static final class Worker implements Runnable {
        private final Interactions x;
        private final SimilarityMeasure measure;
        private final int minSupport;
        private final long window;
        private final AtomicInteger next;
        private final int[][] outDst;
        private final double[][] outSim;
        private final int[][] outCnt;
        private final int[] acc;
        private final double[] wacc;
        private final int[] touched;
        private final TopK top;
        final KernelTally tally = new KernelTally();

        Worker(Interactions x, CooccurrenceCounter.Options o, int k, AtomicInteger next, int[][] dst, double[][] sim, int[][] cnt) {
            this.x = x;
            this.measure = o.measure();
            this.minSupport = o.minSupport();
            this.window = o.windowMillis();
            this.next = next;
            this.outDst = dst;
            this.outSim = sim;
            this.outCnt = cnt;
            this.acc = new int[x.nItems];
            this.wacc = x.weights == null ? null : new double[x.nItems];
            this.touched = new int[x.nItems];
            this.top = new TopK(k);
        }

        @Override
        public void run() {
            int n = x.nItems;
            for (int b = next.getAndIncrement() * CooccurrenceCounter.BLOCK; b < n; b = next.getAndIncrement() * CooccurrenceCounter.BLOCK) {
                int end = Math.min(n, b + CooccurrenceCounter.BLOCK);
                for (int i = b; i < end; i++) row(i);
            }
        }

        private void row(int i) {
            if (x.itemPtr[i + 1] == x.itemPtr[i]) return;
            long t0 = System.nanoTime();
            int nt = window > 0 ? countWindow(i) : countWhole(i);
            long t1 = System.nanoTime();
            scoreRow(i, nt);
            tally.countNs += t1 - t0;
            tally.scoreNs += System.nanoTime() - t1;
        }

        /** Every other item of each user of i. */
        private int countWhole(int i) {
            final int[] acc = this.acc, touched = this.touched, items = x.items, userPtr = x.userPtr, itemUsers = x.itemUsers;
            final double[] wacc = this.wacc, w = x.weights;
            int nt = 0;
            long p2 = 0;
            for (int p = x.itemPtr[i], pe = x.itemPtr[i + 1]; p < pe; p++) {
                int u = itemUsers[p];
                double wi = w == null ? 1.0 : w[x.itemPos[p]];
                int a = userPtr[u], b = userPtr[u + 1];
                p2 += b - a - 1;
                for (int q = a; q < b; q++) {
                    int j = items[q];
                    if (acc[j]++ == 0) touched[nt++] = j;
                    if (wacc != null) wacc[j] += Math.min(wi, w[q]);
                }
            }
            tally.pairs += p2;
            return nt;
        }

        /** Items of the same user within Δt of i: two walks outward from i's position in the time-ordered row. */
        private int countWindow(int i) {
            final int[] acc = this.acc, touched = this.touched, items = x.items, userPtr = x.userPtr, itemUsers = x.itemUsers;
            final double[] wacc = this.wacc, w = x.weights;
            final long[] ts = x.tsMillis;
            int nt = 0;
            long p2 = 0;
            for (int p = x.itemPtr[i], pe = x.itemPtr[i + 1]; p < pe; p++) {
                int u = itemUsers[p];
                int pos = x.itemPos[p];
                long t = ts[pos];
                double wi = w == null ? 1.0 : w[pos];
                int a = userPtr[u], b = userPtr[u + 1];
                for (int q = pos - 1; q >= a && t - ts[q] <= window; q--) {
                    int j = items[q];
                    if (acc[j]++ == 0) touched[nt++] = j;
                    if (wacc != null) wacc[j] += Math.min(wi, w[q]);
                    p2++;
                }
                for (int q = pos + 1; q < b && ts[q] - t <= window; q++) {
                    int j = items[q];
                    if (acc[j]++ == 0) touched[nt++] = j;
                    if (wacc != null) wacc[j] += Math.min(wi, w[q]);
                    p2++;
                }
            }
            tally.pairs += p2;
            return nt;
        }

        private void scoreRow(int i, int nt) {
            final int[] acc = this.acc, touched = this.touched;
            final double[] wacc = this.wacc;
            top.clear();
            for (int t = 0; t < nt; t++) {
                int j = touched[t];
                int c = acc[j];
                acc[j] = 0;
                double cw = 0;
                if (wacc != null) {
                    cw = wacc[j];
                    wacc[j] = 0;
                }
                if (j != i) pair(i, j, c, cw);
            }
            keep(i);
        }

        /** One distinct pair (i, j) with count c (and weighted mass cw when weighted): scored if supported. */
        private void pair(int i, int j, int c, double cw) {
            tally.distinct++;
            // A weighted pair whose memberships are all 0 carries no evidence: it is treated as unsupported.
            if (c < minSupport || (wacc != null && !(cw > 0))) {
                tally.below++;
                return;
            }
            double s = measure.score(wacc == null ? c : cw, x.itemMass[i], x.itemMass[j], x.userMass);
            top.offer(s, j, c);
        }

        /** Moves row i's kept edges, best first, to the output. */
        private void keep(int i) {
            int k = top.size();
            tally.pruned += top.offered() - k;
            tally.edges += k;
            if (k > 0) {
                int[] d = new int[k];
                double[] s = new double[k];
                int[] c = new int[k];
                top.drainBestFirst(d, s, c);
                outDst[i] = d;
                outSim[i] = s;
                outCnt[i] = c;
            }
        }
    }
}
