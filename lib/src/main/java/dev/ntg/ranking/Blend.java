package dev.ntg.ranking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NTG's ranker: a weighted sum of its components' scores, each divided by that component's best unseen score for
 * the user (so weights compare like with like whatever a scorer's scale), over the union of the components'
 * top-C unseen items (candidate generation). Weights come from the VAL search and are then frozen.
 */
final class Blend {
    final List<Scorer> components;
    final double[] weights;

    Blend(List<Scorer> components, double[] weights) {
        if (components.size() != weights.length) throw new IllegalArgumentException("one weight per component");
        this.components = List.copyOf(components);
        this.weights = weights.clone();
    }

    Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int s = 0; s < weights.length; s++) m.put(components.get(s).name(), weights[s]);
        return m;
    }

    /** One user's candidates: items ascending, and per component its normalized value for each item. */
    record Candidates(int[] items, double[][] normalized) {
        double score(double[] weights, int m) {
            double s = 0;
            for (int c = 0; c < weights.length; c++) s += weights[c] * normalized[c][m];
            return s;
        }
    }
}
