package dev.ntg.report.figures;

import com.fasterxml.jackson.databind.JsonNode;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Taste axes (items and users per axis) and the latent embedding's explained variance. */
public final class TasteFigures {
    private TasteFigures() {
    }

    /** Items per axis (its size) and users whose dominant axis it is; the top items of each axis are the report's table. */
    public static Figure axes(JsonNode diagnostics, Map<Integer, Long> usersByDominantAxis) {
        CategoryChart c = Plots.bars("Taste axes: items and users per axis", "taste axis", "count (items or users)");
        List<String> names = new ArrayList<>();
        List<Number> items = new ArrayList<>();
        List<Number> users = new ArrayList<>();
        for (JsonNode a : diagnostics.path("axes")) {
            int axis = a.path("axis").asInt();
            names.add("axis " + axis);
            items.add(a.path("size").asLong());
            users.add(usersByDominantAxis.getOrDefault(axis, 0L));
        }
        if (names.isEmpty()) {
            names.add("no axes");
            items.add(0);
            users.add(0);
        }
        c.addSeries("items on the axis", names, items);
        c.addSeries("users whose dominant axis it is", names, users);
        return new Figure("taste_axes", "Bars compare each axis's item count with the users it dominates; an axis with many items "
                + "but few users is a catalogue niche, the reverse a popular taste (top items per axis are in the table below).", c);
    }

    /** Cumulative share of the weighted TRAIN matrix's variance captured by the first k latent factors. */
    public static Figure explainedVariance(JsonNode diagnostics) {
        JsonNode emb = diagnostics.path("embeddings");
        JsonNode sv = emb.path("singular_values");
        double total = 0;
        for (JsonNode s : sv) total += s.asDouble() * s.asDouble();
        double captured = emb.path("explained_variance").asDouble(Double.NaN);
        int n = Math.max(sv.size(), 1);
        double[] k = new double[n];
        double[] cum = new double[n];
        double run = 0;
        for (int i = 0; i < n; i++) {
            double s = sv.size() > i ? sv.get(i).asDouble() : 0;
            run += s * s;
            k[i] = i + 1;
            // singular values cover only the first `rank` factors; scale so the last point is the reported total share
            cum[i] = total > 0 && !Double.isNaN(captured) ? 100 * captured * run / total : 0;
        }
        XYChart c = Plots.xy("Latent embedding: explained variance", "latent factors kept (k)", "variance explained (% of total)");
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        c.addSeries("cumulative", k, cum);
        if (Double.isNaN(captured) || sv.isEmpty()) {
            return new Figure("embedding_variance", "No latent embedding was built in this run (taste.embeddings is off), so there is "
                    + "no variance to show.", c);
        }
        return new Figure("embedding_variance", String.format(Locale.ROOT, "The rank-%d embedding (%s weighting) explains %.1f%% of "
                + "the variance; a curve still rising at the right edge means more factors would add signal.",
                emb.path("rank").asInt(), emb.path("weighting").asText("?"), 100 * captured), c);
    }

    /** Bins of the diversity histogram, spread over the observed range (profiles are soft, so diversity bunches near 1). */
    static final int DIVERSITY_BINS = 40;

    /**
     * The two user groups of {@link #diversity}: users whose own items outweigh the smoothing prior
     * ({@code items > smoothing}), then those whose profile is mostly the prior.
     */
    public static List<String> diversityGroups(double smoothing) {
        String prior = new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(smoothing);
        return List.of("own items > smoothing = " + prior, "own items ≤ smoothing = " + prior);
    }

    /**
     * Histograms of user diversity (normalised entropy of the taste profile) for the two {@link #diversityGroups}: the
     * prior pulls a profile toward the population's, so comparing the groups shows how much of the diversity is its doing.
     */
    public static Figure diversity(double[] diversity, long[] items, double smoothing) {
        XYChart c = Plots.xy("Taste profiles: user diversity", "diversity (normalised entropy of the profile: 0 = one axis, 1 = all axes equal; "
                + DIVERSITY_BINS + " bins over the observed range)", "users in bin (% of their group)");
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setXAxisDecimalPattern("0.00");
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        if (diversity.length == 0) {
            Plots.noData(c);
        } else {
            int[] group = new int[diversity.length];
            double lo = 1, hi = 0;
            for (int u = 0; u < diversity.length; u++) {
                group[u] = items[u] > smoothing ? 0 : 1;
                lo = Math.min(lo, diversity[u]);
                hi = Math.max(hi, diversity[u]);
            }
            Plots.shareHistograms(c, diversity, group, diversityGroups(smoothing), lo, hi, DIVERSITY_BINS);
        }
        return new Figure("taste_diversity", "A profile is the mean loading of the user's items shrunk toward the population with "
                + "`smoothing` pseudo-items; where the two curves differ, the difference is the prior's doing, not the user's taste.", c);
    }
}
