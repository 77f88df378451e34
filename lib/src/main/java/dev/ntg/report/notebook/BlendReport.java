package dev.ntg.report.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ntg.io.Json;
import dev.ntg.io.PathCatalog;
import dev.ntg.ranking.RankStage;
import dev.ntg.report.SchemaValidator;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * NTG's blend weights as stage {@code rank} chose them on VAL ({@code outputs/ranking/blend.json}, checked against the
 * blend part of the ranking schema): the weights, how the search got there, and what each component scores alone.
 */
public final class BlendReport {
    /** The search keeps a weight only when it beats the best so far by more than this (see the rank stage's BlendSearch). */
    static final double IMPROVEMENT = 1e-12;

    private BlendReport() {
    }

    /** {@code blend.json}, checked against its schema (the {@code blend} part of {@code ranking.schema.json}). */
    static JsonNode blend(Artifacts art) {
        JsonNode b = art.json(PathCatalog.RANKING_BLEND);
        SchemaValidator.of(RankStage.SCHEMA).check(Json.MAPPER.createObjectNode().set("blend", b), PathCatalog.RANKING_BLEND.relativePath());
        return b;
    }

    /**
     * Each component's weight, its share of the total weight, and what the component scores alone on VAL (it is also
     * a baseline). Components are normalized per user before blending, so weights compare directly.
     */
    public static Table weights(Artifacts art) {
        JsonNode b = blend(art);
        JsonNode ranking = RankingEvalReport.ranking(art);
        String objective = b.path("objective").asText();
        JsonNode val = RankingEvalReport.window(ranking, "val").path("models");
        double total = 0;
        for (JsonNode w : b.path("weights")) total += w.asDouble();
        StringColumn component = StringColumn.create("component");
        DoubleColumn weight = DoubleColumn.create("weight");
        DoubleColumn share = DoubleColumn.create("share of weight");
        DoubleColumn alone = DoubleColumn.create("VAL " + objective + " alone");
        double sum = total;
        b.path("weights").fields().forEachRemaining(e -> {
            component.append(e.getKey());
            weight.append(e.getValue().asDouble());
            share.append(sum == 0 ? 0 : e.getValue().asDouble() / sum);
            Formats.append(alone, val.path(e.getKey()).path("metrics").path(objective).path("estimate"));
        });
        weight.setPrintFormatter(Formats.fixed(2));
        share.setPrintFormatter(Formats.percent(1));
        alone.setPrintFormatter(Formats.fixed(3));
        return Table.create("blend weights chosen on VAL (outputs/ranking/blend.json)", component, weight, share, alone);
    }

    /** One sentence on the search: on which users, over which grid, how many evaluations, and where it started and ended. */
    public static String summary(Artifacts art) {
        JsonNode b = blend(art);
        String objective = b.path("objective").asText();
        JsonNode trace = b.path("trace");
        if (trace.isEmpty() || !b.path("val_objective").isNumber()) {
            return "No search ran: " + b.path("note").asText() + ".";
        }
        int rounds = 0;
        for (JsonNode s : trace) rounds = Math.max(rounds, s.path("round").asInt());
        JsonNode start = trace.get(0);
        String startComponent = first(start.path("weights"));
        JsonNode val = RankingEvalReport.window(RankingEvalReport.ranking(art), "val").path("models");
        String best = null;
        double bestAlone = Double.NEGATIVE_INFINITY;
        for (var it = b.path("weights").fieldNames(); it.hasNext(); ) {
            String c = it.next();
            JsonNode a = val.path(c).path("metrics").path(objective).path("estimate");
            if (a.isNumber() && a.asDouble() > bestAlone) {
                bestAlone = a.asDouble();
                best = c;
            }
        }
        StringBuilder s = new StringBuilder("Tuned on VAL only (").append(b.path("note").asText()).append("): coordinate ascent over the grid ")
                .append(b.path("grid")).append(" maximizing ").append(objective).append(", ").append(trace.size())
                .append(" weight vectors evaluated in ").append(rounds).append(rounds == 1 ? " round" : " rounds").append(", from ")
                .append(Formats.num(start.path("objective").asDouble())).append(" (").append(startComponent).append(" alone) to ")
                .append(Formats.num(b.path("val_objective").asDouble())).append('.');
        if (best != null) {
            s.append(" The best single component on VAL is ").append(best).append(" at ").append(Formats.num(bestAlone)).append('.');
        }
        return s.append(" TEST played no part in the choice.").toString();
    }

    private static String first(JsonNode weights) {
        for (var it = weights.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getValue().asDouble() > 0) return e.getKey();
        }
        return "?";
    }

    /** The evaluations of the search that set a new best, in search order: the path from the start to the chosen weights. */
    public static Table path(Artifacts art) {
        JsonNode b = blend(art);
        String objective = b.path("objective").asText();
        IntColumn step = IntColumn.create("evaluation");
        IntColumn round = IntColumn.create("round");
        StringColumn change = StringColumn.create("change");
        DoubleColumn value = DoubleColumn.create("VAL " + objective);
        DoubleColumn gain = DoubleColumn.create("gain");
        double best = Double.NEGATIVE_INFINITY;
        JsonNode trace = b.path("trace");
        for (int i = 0; i < trace.size(); i++) {
            JsonNode s = trace.get(i);
            double o = s.path("objective").asDouble();
            if (i > 0 && o <= best + IMPROVEMENT) continue;
            step.append(i + 1);
            round.append(s.path("round").asInt());
            change.append(i == 0 ? "start: " + first(s.path("weights")) + " = 1" : s.path("component").asText() + " = " + s.path("weight").asText());
            value.append(o);
            if (i == 0) gain.appendMissing();
            else gain.append(o - best);
            best = o;
        }
        value.setPrintFormatter(Formats.fixed(4));
        gain.setPrintFormatter(Formats.fixed(4));
        return Table.create("the search's path: evaluations that set a new best (of " + trace.size() + ")", step, round, change, value, gain);
    }
}
