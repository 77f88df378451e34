package dev.ntg.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures one section of work in this JVM: wall time, process CPU time, peak Java heap and peak resident
 * memory (which includes DuckDB's native memory). Linux lets a process reset its own peak RSS by writing 5 to
 * /proc/self/clear_refs, so each section gets its own peak; elsewhere peak RSS is reported as null.
 */
final class ResourceProbe {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    /** What one section used. Memory in MiB; rssMib is null where the OS does not tell. */
    record Usage(double wallSeconds, double cpuSeconds, double peakHeapMib, Double peakRssMib) {
    }

    private long startNanos;
    private long startCpu;

    void start() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
        }
        resetPeakRss();
        startCpu = processCpuNanos();
        startNanos = System.nanoTime();
    }

    Usage stop() {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        double cpu = (processCpuNanos() - startCpu) / 1e9;
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) heap += pool.getPeakUsage().getUsed();
        }
        return new Usage(round(wall), round(cpu), round(heap / 1048576.0), peakRssMib());
    }

    private static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) return sun.getProcessCpuTime();
        return 0;
    }

    private static void resetPeakRss() {
        try {
            if (Files.isWritable(CLEAR_REFS)) Files.writeString(CLEAR_REFS, "5");
        } catch (IOException e) {
            // not Linux, or not allowed: peak RSS then covers the whole process so far
        }
    }

    private static Double peakRssMib() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) return round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
            }
        } catch (IOException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
