package dev.ntg.bench;

/**
 * The co-occurrence kernel against scipy's X^T X at one size. {@code javaFull} is the whole kernel (count, score,
 * top-K prune), {@code javaCount} its counting phase only (its share of the kernel's CPU time, by the kernel's phase
 * timers); scipy only multiplies. The ratio uses the whole kernel,
 * so it is the conservative one. Every field but events and status is null when the run failed.
 */
public record ReferenceRun(long events, String status, String reason, Long users, Long items, Long interactions, Long pairs,
                           Long javaDistinctPairs, Long scipyDistinctPairs, Boolean countsMatch, Side javaFull, Side javaCount, Side scipy,
                           Double ratioPerCore) {

    /** One side of the comparison; rates are pairs per CPU second of one thread. */
    public record Side(double cpuSeconds, double wallSeconds, double pairsPerCpuSecond, Double peakRssMib) {
    }

    static ReferenceRun failed(long events, String reason) {
        return new ReferenceRun(events, "failed", reason, null, null, null, null, null, null, null, null, null, null, null);
    }
}
