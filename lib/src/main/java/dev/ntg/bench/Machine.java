package dev.ntg.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The machine a bench ran on. The load average is part of the evidence: on a shared machine a slow stage may be
 * a busy neighbour, so it is read when the bench starts and when it ends. So is a speed probe: on this project's
 * virtual machine the same code once ran 20% slower (in CPU time, not only wall time) twenty minutes after an
 * earlier run, with a flat load average and no steal time; the probe shows such a swing beside the stage times.
 *
 * @param cores            processors the JVM sees
 * @param ramMib           physical memory
 * @param loadAverageStart 1, 5 and 15-minute load averages at the start (1-minute only where /proc is missing)
 * @param loadAverageEnd   the same at the end
 * @param speedProbeNsStart {@link #speedProbeNs()} at the start
 * @param speedProbeNsEnd   the same at the end
 */
public record Machine(int cores, long ramMib, String os, List<Double> loadAverageStart, List<Double> loadAverageEnd,
                      double speedProbeNsStart, Double speedProbeNsEnd) {
    private static final Path LOADAVG = Path.of("/proc/loadavg");
    private static final int PROBE_ROWS = 1 << 20;

    static Machine atStart() {
        long ram = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean sun
                ? sun.getTotalMemorySize() / 1048576 : 0;
        return new Machine(Runtime.getRuntime().availableProcessors(), ram, System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                loadAverage(), List.of(), speedProbeNs(), null);
    }

    Machine atEnd() {
        return new Machine(cores, ramMib, os, loadAverageStart, loadAverage(), speedProbeNsStart, speedProbeNs());
    }

    /**
     * Nanoseconds per row of a fixed single-thread loop shaped like the hot loops of the pipeline: a count-weighted sum
     * over 2^20 rows that gathers its values from an 8 MiB array at random. The best of 30 passes (the first ones run
     * before the JIT has compiled the loop). Lower is faster; only its ratio between runs means something.
     */
    static double speedProbeNs() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(42);
        double[] x = new double[PROBE_ROWS];
        int[] count = new int[PROBE_ROWS], at = new int[PROBE_ROWS];
        for (int i = 0; i < PROBE_ROWS; i++) {
            x[i] = rng.nextDouble();
            count[i] = rng.nextInt(3);
            at[i] = rng.nextInt(PROBE_ROWS);
        }
        double best = Double.POSITIVE_INFINITY, keep = 0;
        for (int pass = 0; pass < 30; pass++) {
            long t0 = System.nanoTime();
            double s = 0;
            for (int i = 0; i < PROBE_ROWS; i++) s += count[i] * x[at[i]];
            best = Math.min(best, (double) (System.nanoTime() - t0) / PROBE_ROWS);
            keep += s;
        }
        // The sums are used, so the loop cannot be removed as dead code.
        return keep == Double.NEGATIVE_INFINITY ? Double.NaN : Math.round(best * 1000) / 1000.0;
    }

    static List<Double> loadAverage() {
        try {
            String[] f = Files.readString(LOADAVG).trim().split("\\s+");
            return Arrays.stream(f, 0, 3).map(Double::valueOf).toList();
        } catch (IOException | RuntimeException e) {
            double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return one < 0 ? List.of() : List.of(one);
        }
    }
}
