package dev.ntg.churn;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.config.ChurnConfig;
import dev.ntg.io.Json;
import smile.classification.GradientTreeBoost;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;
import smile.math.MathEx;

import java.util.List;

/**
 * Gradient-boosted regression trees with logistic loss (Smile). Subsampling draws from Smile's thread-local
 * generator, which is seeded from {@code project.seed} right before the fit on the calling thread, so a rerun
 * gives the same trees.
 */
public final class GbtModel implements ChurnModel {
    private static final String LABEL = "churned";
    private final GradientTreeBoost model;
    private final List<String> features;
    private final ChurnConfig.Gbt settings;

    private GbtModel(GradientTreeBoost model, List<String> features, ChurnConfig.Gbt settings) {
        this.model = model;
        this.features = features;
        this.settings = settings;
    }

    public static GbtModel fit(List<String> features, double[][] z, int[] y, ChurnConfig.Gbt g, long seed) {
        DataFrame df = frame(features, z).merge(IntVector.of(LABEL, y));
        MathEx.setSeed(seed);
        GradientTreeBoost m = GradientTreeBoost.fit(Formula.lhs(LABEL), df, g.trees(), g.maxDepth(), g.maxNodes(), g.nodeSize(),
                g.shrinkage(), g.subsample());
        return new GbtModel(m, features, g);
    }

    private static DataFrame frame(List<String> features, double[][] z) {
        return DataFrame.of(z, features.toArray(new String[0]));
    }

    @Override
    public String name() {
        return "gbt";
    }

    @Override
    public double[] predict(double[][] z) {
        DataFrame df = frame(features, z);
        double[] post = new double[2];
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            model.predict(df.get(i), post);
            p[i] = post[1];
        }
        return p;
    }

    @Override
    public ObjectNode describe() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("kind", "gradient_tree_boost");
        o.put("trees", model.size());
        o.put("max_depth", settings.maxDepth());
        o.put("max_nodes", settings.maxNodes());
        o.put("node_size", settings.nodeSize());
        o.put("shrinkage", settings.shrinkage());
        o.put("subsample", settings.subsample());
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
