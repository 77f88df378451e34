package dev.ntg.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.io.Json;
import dev.ntg.report.Reports;
import dev.ntg.run.Provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Hand-made report fixtures in the shape a stage publishes them: the schema's current {@code schema_version} and a
 * fixed provenance block, so a fixture keeps validating when a schema's version moves.
 */
public final class PublishedReports {
    private static final String SHA = "0".repeat(64);
    public static final Provenance PROVENANCE = new Provenance("0123456789abcdef", SHA, SHA,
            List.of("data/processed/splits/train.parquet"),
            List.of(new Provenance.Input("train", "data/processed/splits/train.parquet", SHA)), "unknown", false, "test");

    private PublishedReports() {
    }

    /** A copy of {@code report} with {@code schema}'s schema_version and {@link #PROVENANCE}. */
    public static ObjectNode published(JsonNode report, String schema) {
        ObjectNode doc = report.deepCopy();
        doc.set("schema_version", versionOf(schema));
        return Reports.stamp(doc, PROVENANCE);
    }

    private static JsonNode versionOf(String schema) {
        try (InputStream in = PublishedReports.class.getResourceAsStream("/schemas/" + schema)) {
            if (in == null) throw new IllegalArgumentException("no schema " + schema);
            return Json.MAPPER.readTree(in).path("properties").path("schema_version").path("const");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
