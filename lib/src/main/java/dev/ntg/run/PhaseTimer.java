package dev.ntg.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall time per phase of a stage, for the manifest's {@code phase_seconds} (never for data files): where the
 * time goes is what the benchmark and a profile start from.
 */
public final class PhaseTimer {
    private final Map<String, Double> laps = new LinkedHashMap<>();
    private long last = System.nanoTime();

    /** Ends the current phase under this name and starts the next. */
    public void lap(String phase) {
        long now = System.nanoTime();
        laps.merge(phase, Math.round((now - last) / 1e6) / 1e3, Double::sum);
        last = now;
    }

    public Map<String, Double> seconds() {
        return new LinkedHashMap<>(laps);
    }
}
