package dev.ntg.churn;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.churn.boost.TreeBoost;
import dev.ntg.config.ChurnConfig;
import dev.ntg.io.Json;

import java.util.List;

/**
 * Gradient-boosted regression trees with logistic loss ({@link TreeBoost}). The subsample of each tree is drawn from
 * {@code project.seed}, so a rerun gives the same trees.
 */
public final class GbtModel implements ChurnModel {
    private final TreeBoost model;
    private final List<String> features;
    private final ChurnConfig.Gbt settings;

    private GbtModel(TreeBoost model, List<String> features, ChurnConfig.Gbt settings) {
        this.model = model;
        this.features = features;
        this.settings = settings;
    }

    public static GbtModel fit(List<String> features, double[][] z, int[] y, ChurnConfig.Gbt g, long seed) {
        return new GbtModel(TreeBoost.fit(z, y, g, seed), features, g);
    }

    @Override
    public String name() {
        return "gbt";
    }

    @Override
    public double[] predict(double[][] z) {
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) p[i] = model.probability(z[i]);
        return p;
    }

    @Override
    public ObjectNode describe() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("kind", "gradient_tree_boost");
        o.put("split_search", "histogram");
        o.put("trees", model.size());
        o.put("max_depth", settings.maxDepth());
        o.put("max_nodes", settings.maxNodes());
        o.put("node_size", settings.nodeSize());
        o.put("shrinkage", settings.shrinkage());
        o.put("subsample", settings.subsample());
        o.put("max_bins", settings.maxBins());
        double[] imp = model.importance();
        double total = 0;
        for (double v : imp) total += v;
        ArrayNode a = o.putArray("importance");
        for (int j = 0; j < features.size(); j++) {
            ObjectNode f = a.addObject();
            f.put("feature", features.get(j));
            f.put("share", total > 0 ? imp[j] / total : 0);
        }
        return o;
    }
}
