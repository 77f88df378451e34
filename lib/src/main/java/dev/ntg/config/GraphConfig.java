package dev.ntg.config;

import java.util.List;

/**
 * Stage 03, the item–item similarity graph.
 *
 * @param measure            count | cosine | jaccard | lift | pmi | npmi | llr | conditional
 * @param conditionalDamping damping term d of the asymmetric conditional probability c(i,j) / (c(i) + d)
 * @param cooccurrence       whole (any two items of one user's history) | window (consumed within window_hours)
 * @param windowHours        Δt of windowed co-occurrence, in hours
 * @param weighting          binary | value (the event's value, 1 when null) | decay (half-life before the train cutoff)
 * @param halfLifeDays       half-life of the decay weighting, in days
 * @param userCap            power-user cap: keep at most this many most recent distinct items per user
 * @param userDownweight     none | inverse_log (each user's weights times 1 / ln(1 + items kept))
 * @param minSupport         a pair needs at least this many co-occurring users to become an edge
 * @param topK               edges kept per source item (similarity desc, then destination id asc)
 */
public record GraphConfig(String measure, double conditionalDamping, String cooccurrence, double windowHours, String weighting,
                          double halfLifeDays, int userCap, String userDownweight, int minSupport, int topK) {
    public static final List<String> MEASURES = List.of("count", "cosine", "jaccard", "lift", "pmi", "npmi", "llr", "conditional");
    public static final List<String> COOCCURRENCE = List.of("whole", "window");
    public static final List<String> WEIGHTINGS = List.of("binary", "value", "decay");
    public static final List<String> DOWNWEIGHTS = List.of("none", "inverse_log");

    public GraphConfig {
        Check.oneOf("measure", measure, MEASURES);
        Check.nonNegative("conditional_damping", conditionalDamping);
        Check.oneOf("cooccurrence", cooccurrence, COOCCURRENCE);
        Check.positive("window_hours", windowHours);
        Check.oneOf("weighting", weighting, WEIGHTINGS);
        Check.positive("half_life_days", halfLifeDays);
        Check.positive("user_cap", userCap);
        Check.oneOf("user_downweight", userDownweight, DOWNWEIGHTS);
        Check.positive("min_support", minSupport);
        Check.positive("top_k", topK);
    }

    public boolean windowed() {
        return cooccurrence.equals("window");
    }
}
