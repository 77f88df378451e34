package dev.ntg.churn;

import java.util.List;

/** Names the band a calibrated probability falls in, given increasing thresholds (a threshold belongs to the band above). */
public final class RiskBands {
    private RiskBands() {
    }

    public static List<String> names(int thresholds) {
        return switch (thresholds) {
            case 1 -> List.of("low", "high");
            case 2 -> List.of("low", "medium", "high");
            case 3 -> List.of("low", "medium", "high", "very_high");
            default -> List.of("very_low", "low", "medium", "high", "very_high");
        };
    }

    public static String of(double p, List<Double> thresholds) {
        int band = 0;
        while (band < thresholds.size() && p >= thresholds.get(band)) band++;
        return names(thresholds.size()).get(band);
    }
}
