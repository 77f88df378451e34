package dev.ntg.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The machine a bench ran on. The load average is part of the evidence: on a shared machine a slow stage may be
 * a busy neighbour, so it is read when the bench starts and when it ends.
 *
 * @param cores            processors the JVM sees
 * @param ramMib           physical memory
 * @param loadAverageStart 1, 5 and 15-minute load averages at the start (1-minute only where /proc is missing)
 * @param loadAverageEnd   the same at the end
 */
public record Machine(int cores, long ramMib, String os, List<Double> loadAverageStart, List<Double> loadAverageEnd) {
    private static final Path LOADAVG = Path.of("/proc/loadavg");

    static Machine atStart() {
        long ram = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean sun
                ? sun.getTotalMemorySize() / 1048576 : 0;
        return new Machine(Runtime.getRuntime().availableProcessors(), ram, System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                loadAverage(), List.of());
    }

    Machine atEnd() {
        return new Machine(cores, ramMib, os, loadAverageStart, loadAverage());
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
