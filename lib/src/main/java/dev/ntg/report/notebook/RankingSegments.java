package dev.ntg.report.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a model's accuracy comes from, as stage {@code rank} reported it per segment (notebook 05): users by TRAIN
 * activity (light, medium, heavy) and relevant items by popularity (head, tail). Read from ranking.json.
 */
public final class RankingSegments {
    private static final List<String> USER_SEGMENTS = List.of("light", "medium", "heavy");

    private RankingSegments() {
    }

    /** The headline metric and recall at its K per user activity segment (light, medium, heavy TRAIN users). */
    public static Table users(Artifacts art, String window) {
        JsonNode r = RankingEvalReport.ranking(art);
        String head = RankingEvalReport.headline(r);
        String recall = "recall@" + RankingEvalReport.headlineK(r);
        StringColumn model = StringColumn.create("model");
        List<DoubleColumn> cols = new ArrayList<>();
        for (String metric : List.of(head, recall)) for (String s : USER_SEGMENTS) cols.add(DoubleColumn.create(s + " " + metric));
        List<String> models = RankingEvalReport.models(r, window);
        for (String m : models) {
            model.append(m);
            JsonNode seg = RankingEvalReport.window(r, window).path("models").path(m).path("segments").path("users");
            int c = 0;
            for (String metric : List.of(head, recall)) for (String s : USER_SEGMENTS) Formats.append(cols.get(c++), seg.path(s).path(metric));
        }
        cols.forEach(c -> c.setPrintFormatter(Formats.fixed(3)));
        StringBuilder users = new StringBuilder();
        if (!models.isEmpty()) {
            JsonNode seg = RankingEvalReport.window(r, window).path("models").path(models.get(0)).path("segments").path("users");
            for (String s : USER_SEGMENTS) users.append(users.length() == 0 ? "" : ", ").append(s).append(' ').append(seg.path(s).path("users").asLong());
        }
        Table t = Table.create(RankingEvalReport.title(r, window, "by user activity segment (eval users: " + users + ")"), model);
        cols.forEach(t::addColumns);
        return t;
    }

    /** Recall at the headline K on head and tail items, and the share of the top K that goes to head items. */
    public static Table items(Artifacts art, String window) {
        JsonNode r = RankingEvalReport.ranking(art);
        int k = RankingEvalReport.headlineK(r);
        String recall = "recall@" + k, share = "share_of_top_" + k;
        StringColumn model = StringColumn.create("model");
        DoubleColumn headRecall = DoubleColumn.create("head " + recall);
        DoubleColumn tailRecall = DoubleColumn.create("tail " + recall);
        DoubleColumn headShare = DoubleColumn.create("head share of top " + k);
        List<String> models = RankingEvalReport.models(r, window);
        for (String m : models) {
            model.append(m);
            JsonNode seg = RankingEvalReport.window(r, window).path("models").path(m).path("segments").path("items");
            Formats.append(headRecall, seg.path("head").path(recall));
            Formats.append(tailRecall, seg.path("tail").path(recall));
            Formats.append(headShare, seg.path("head").path(share));
        }
        headRecall.setPrintFormatter(Formats.fixed(3));
        tailRecall.setPrintFormatter(Formats.fixed(3));
        headShare.setPrintFormatter(Formats.percent(1));
        String users = "";
        if (!models.isEmpty()) {
            JsonNode seg = RankingEvalReport.window(r, window).path("models").path(models.get(0)).path("segments").path("items");
            users = " (eval users with relevant head items: " + seg.path("head").path("users_with_relevant_items").asLong() + ", tail: "
                    + seg.path("tail").path("users_with_relevant_items").asLong() + ")";
        }
        return Table.create(RankingEvalReport.title(r, window, "head and tail items" + users), model, headRecall, tailRecall, headShare);
    }
}
