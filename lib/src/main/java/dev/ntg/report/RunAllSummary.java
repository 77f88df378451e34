package dev.ntg.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ntg.io.Artifact;
import dev.ntg.io.Json;
import dev.ntg.io.PathCatalog;
import dev.ntg.run.StageManifest;
import dev.ntg.run.StageRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import static dev.ntg.io.PathCatalog.*;

/**
 * The table {@code run-all} prints at the end: per stage, whether it ran (and how long) or was up to date, one
 * headline number read from its report, and where its main artifact is. Reading never fails the run: a report that
 * is missing or unreadable shows as a dash.
 */
public final class RunAllSummary {
    /** One line of the table. */
    public record Row(String stage, String status, String headline, String artifact) {
    }

    private static final Map<String, Artifact> MAIN = Map.of(
            "generate-events", SYNTHETIC_EVENTS, "build-dataset", SPLIT_MANIFEST, "build-features", FEATURE_MANIFEST,
            "build-graph", ITEM_EDGES, "build-taste", TASTE_AXES, "rank", RANKING_REPORT, "score-churn", CHURN_REPORT,
            "plan-retention", DECISIONS_REPORT, "evaluate", HTML_REPORT);

    private RunAllSummary() {
    }

    public static List<Row> rows(List<StageRunner.Result> results, PathCatalog catalog) {
        List<Row> out = new ArrayList<>();
        for (StageRunner.Result r : results) {
            String status = r.skipped() ? "up to date" : String.format(Locale.ROOT, "%.1f s", r.seconds());
            Artifact main = MAIN.get(r.stage());
            String artifact = main != null ? main.relativePath()
                    : r.manifest() == null || r.manifest().outputs().isEmpty() ? "-" : r.manifest().outputs().get(0).path();
            String headline;
            try {
                headline = headline(r.stage(), r.manifest(), catalog);
            } catch (RuntimeException e) {
                headline = "-";
            }
            out.add(new Row(r.stage(), status, headline == null ? "-" : headline, artifact));
        }
        return out;
    }

    static String headline(String stage, StageManifest manifest, PathCatalog catalog) {
        return switch (stage) {
            case "generate-events" -> rows(manifest, SYNTHETIC_EVENTS) + " events generated";
            case "build-dataset" -> read(catalog, SPLIT_MANIFEST, m -> String.format(Locale.ROOT, "TRAIN / VAL / TEST events %d / %d / %d",
                    m.path("parts").path("train").path("rows").asLong(), m.path("parts").path("val").path("rows").asLong(),
                    m.path("parts").path("test").path("rows").asLong()));
            case "build-features" -> rows(manifest, USER_FEATURES) + " users, " + rows(manifest, ITEM_FEATURES) + " items with features";
            case "build-graph" -> read(catalog, GRAPH_DIAGNOSTICS, g -> String.format(Locale.ROOT, "%d edges, item coverage %.1f%%",
                    g.path("edges").asLong(), 100 * g.path("coverage").asDouble()));
            case "build-taste" -> read(catalog, TASTE_DIAGNOSTICS, t -> String.format(Locale.ROOT, "%d axes, bootstrap ARI %.2f, embedding explains %.0f%%",
                    t.path("axes").size(), t.path("stability").path("bootstrap_mean_ari").asDouble(Double.NaN),
                    100 * t.path("embeddings").path("explained_variance").asDouble(Double.NaN)));
            case "rank" -> read(catalog, RANKING_REPORT, r -> first(Headlines.of(r, null, null, null, null), ""));
            case "score-churn" -> read(catalog, CHURN_REPORT, c -> first(Headlines.of(null, c, null, null, null), ""));
            case "plan-retention" -> read(catalog, DECISIONS_REPORT, d -> {
                List<Headline> h = Headlines.of(null, null, d, null, null);
                return h.stream().filter(x -> x.key().equals("decisions.plan_net_value")).findFirst()
                        .map(x -> "plan net value " + Headlines.format(x) + " (assumed effects)").orElse(null);
            });
            case "evaluate" -> read(catalog, RUN_SUMMARY, s -> {
                long checks = s.path("leakage_checks").size();
                long passed = 0;
                for (JsonNode c : s.path("leakage_checks")) if (c.path("passed").asBoolean()) passed++;
                return s.path("figures").size() + " figures, " + s.path("reports").size() + " reports valid, leakage checks "
                        + passed + "/" + checks + " pass";
            });
            default -> null;
        };
    }

    private static String first(List<Headline> h, String prefix) {
        if (h.isEmpty()) return null;
        Headline x = h.get(0);
        return prefix + x.label().replaceFirst("^[a-z ]+: ", "") + " " + Headlines.format(x);
    }

    private static String rows(StageManifest m, Artifact a) {
        if (m == null) return "?";
        return m.outputs().stream().filter(f -> f.path().equals(a.relativePath())).findFirst()
                .map(f -> f.rows() == null ? "?" : String.valueOf(f.rows())).orElse("?");
    }

    private static String read(PathCatalog catalog, Artifact a, Function<JsonNode, String> f) {
        Path p = catalog.resolve(a);
        if (!Files.isRegularFile(p)) return null;
        return f.apply(Json.read(p));
    }

    /** The rows as a fixed-width text table with a header line. */
    public static String format(List<Row> rows) {
        int[] w = {"stage".length(), "time".length(), "headline".length()};
        for (Row r : rows) {
            w[0] = Math.max(w[0], r.stage().length());
            w[1] = Math.max(w[1], r.status().length());
            w[2] = Math.max(w[2], r.headline().length());
        }
        String fmt = "%-" + w[0] + "s  %-" + w[1] + "s  %-" + w[2] + "s  %s%n";
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, fmt, "stage", "time", "headline", "main artifact"));
        b.append(String.format(Locale.ROOT, fmt, "-".repeat(w[0]), "-".repeat(w[1]), "-".repeat(w[2]), "-".repeat(13)));
        for (Row r : rows) b.append(String.format(Locale.ROOT, fmt, r.stage(), r.status(), r.headline(), r.artifact()));
        return b.toString();
    }
}
