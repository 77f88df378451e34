package dev.ntg.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Json;
import dev.ntg.io.Sql;
import dev.ntg.report.Reports;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code feature_manifest.json}: for every column of every feature table its meaning (from the table's
 * {@link FeatureColumn}s) and summary statistics measured on the written file, plus the cutoff the features are
 * "as of" and the features config; the stage publishes it through {@link Reports#write}, which adds the provenance
 * (input hashes included) and validates it against {@code schemas/feature_manifest.schema.json}.
 */
public final class FeatureManifest {
    public static final String SCHEMA = "feature_manifest.schema.json";
    static final String LEAKAGE_RULE = "Computed from TRAIN events only (ts < as_of); every window ends at as_of. "
            + "VAL and TEST are never read by this stage.";

    private FeatureManifest() {
    }

    /** A table and the file it was written to. */
    public record Written(FeatureTable table, Path file) {
    }

    /** The manifest without its provenance block (input hashes included), which {@link Reports#write} adds. */
    public static ObjectNode build(Instant asOf, Object config, List<Written> tables) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("schema_version", 2);
        root.put("stage", "build-features");
        root.put("as_of", asOf.toString());
        root.put("leakage_rule", LEAKAGE_RULE);
        root.set("config", Json.MAPPER.valueToTree(config));
        ArrayNode out = root.putArray("tables");
        for (Written w : tables) out.add(describe(w.table(), w.file()));
        return root;
    }

    private static ObjectNode describe(FeatureTable table, Path file) {
        List<FeatureColumn> columns = table.columns();
        List<String> aggregates = new ArrayList<>();
        aggregates.add("count(*)");
        for (FeatureColumn c : columns) aggregates.addAll(statsOf(c));
        String sql = "SELECT " + String.join(", ", aggregates) + " FROM " + DuckSession.parquet(file);
        return table.duck().querySingle(sql, rs -> {
            ObjectNode t = Json.MAPPER.createObjectNode();
            t.put("name", table.name());
            t.put("path", table.artifact().relativePath());
            t.put("grain", table.grain());
            t.set("key", Json.MAPPER.valueToTree(table.key()));
            t.put("rows", rs.getLong(1));
            ArrayNode cols = t.putArray("columns");
            int i = 2;
            for (FeatureColumn c : columns) {
                ObjectNode col = cols.addObject();
                col.put("name", c.name());
                col.put("type", c.type());
                col.put("description", c.description());
                col.put("unit", c.unit());
                col.put("source", c.source());
                col.put("window", c.window());
                col.put("null_policy", c.nullPolicy());
                ObjectNode stats = col.putObject("stats");
                stats.put("count", rs.getLong(i));
                stats.put("nulls", rs.getLong(i + 1));
                stats.set("min", value(rs, i + 2, c.type()));
                stats.set("max", value(rs, i + 3, c.type()));
                stats.set("mean", value(rs, i + 4, "DOUBLE"));
                i += 5;
            }
            return t;
        });
    }

    /** count, nulls, min, max, mean of one column; timestamps as ISO text, booleans' mean is the share of true. */
    private static List<String> statsOf(FeatureColumn c) {
        String col = Sql.ident(c.name());
        String min = "min(" + col + ")";
        String max = "max(" + col + ")";
        String mean = switch (c.type()) {
            case "BIGINT", "DOUBLE" -> FeatureSql.exactMean(col);
            case "BOOLEAN" -> FeatureSql.exactMean("CAST(" + col + " AS INTEGER)");
            default -> "CAST(NULL AS DOUBLE)";
        };
        if (c.type().equals("TIMESTAMP")) {
            min = "strftime(" + min + ", '%Y-%m-%dT%H:%M:%S.%fZ')";
            max = "strftime(" + max + ", '%Y-%m-%dT%H:%M:%S.%fZ')";
        }
        return List.of("count(" + col + ")", "count(*) - count(" + col + ")", min, max, mean);
    }

    private static JsonNode value(ResultSet rs, int i, String type) throws SQLException {
        Object o = rs.getObject(i);
        if (o == null) return Json.MAPPER.nullNode();
        return switch (type) {
            case "BIGINT" -> Json.MAPPER.getNodeFactory().numberNode(rs.getLong(i));
            case "DOUBLE" -> Json.MAPPER.getNodeFactory().numberNode(rs.getDouble(i));
            case "BOOLEAN" -> Json.MAPPER.getNodeFactory().booleanNode(rs.getBoolean(i));
            default -> Json.MAPPER.getNodeFactory().textNode(rs.getString(i));
        };
    }
}
