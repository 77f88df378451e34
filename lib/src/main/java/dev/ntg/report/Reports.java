package dev.ntg.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.io.Artifact;
import dev.ntg.io.Json;
import dev.ntg.run.Provenance;
import dev.ntg.run.StageContext;

import java.nio.file.Path;

/**
 * The one way a stage publishes a JSON report: stamp its {@link Provenance} under {@code provenance}, check the result
 * against the report's JSON Schema, write it. A report that does not match its schema is never written.
 */
public final class Reports {
    public static final String PROVENANCE_FIELD = "provenance";

    private Reports() {
    }

    /** Writes {@code report} (a record or a JSON object) to the stage's declared output {@code artifact}. */
    public static JsonNode write(StageContext ctx, Artifact artifact, String schema, Object report) {
        return write(ctx.output(artifact), artifact.relativePath(), schema, report, ctx.provenance());
    }

    /** Writes to {@code file}; {@code what} names the report in a schema violation. */
    public static JsonNode write(Path file, String what, String schema, Object report, Provenance provenance) {
        ObjectNode doc = stamp(report, provenance);
        SchemaValidator.of(schema).check(doc, what);
        Json.write(file, doc);
        return doc;
    }

    /** The report as a JSON object with the provenance block set. */
    public static ObjectNode stamp(Object report, Provenance provenance) {
        JsonNode tree = Json.MAPPER.valueToTree(report);
        if (!(tree instanceof ObjectNode doc)) throw new IllegalArgumentException("a report must be a JSON object, got " + tree.getNodeType());
        doc.set(PROVENANCE_FIELD, Json.MAPPER.valueToTree(provenance));
        return doc;
    }
}
