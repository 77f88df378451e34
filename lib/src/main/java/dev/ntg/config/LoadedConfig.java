package dev.ntg.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.io.Json;

import java.util.List;

/**
 * The bound configuration plus the merged tree it came from, so a stage's manifest can record exactly the
 * sections it read and hash them.
 *
 * @param config  the validated settings
 * @param tree    the merged YAML tree
 * @param sources base, overlay files and --set assignments, in the order applied
 */
public record LoadedConfig(NtgConfig config, JsonNode tree, List<String> sources) {
    /**
     * {@code project} keys that choose how a stage runs, never what it writes (outputs are byte-identical for any thread
     * count, DuckDB memory limit, spill folder or heap size). They stay in the recorded slice but not in its hash, so changing them
     * neither reruns a stage nor changes the config hash and run id stamped into its reports.
     */
    public static final List<String> EXECUTION_ONLY = List.of("threads", "duckdb_memory_limit", "duckdb_temp_dir", "jvm_heap");

    /** The named top-level sections, as a new object in the given order. */
    public ObjectNode slice(List<String> sections) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        for (String s : sections) {
            JsonNode n = tree.get(s);
            if (n == null) throw new IllegalArgumentException("no config section '" + s + "'");
            out.set(s, n.deepCopy());
        }
        return out;
    }

    /** SHA-256 of the canonical JSON of the named sections, without the {@link #EXECUTION_ONLY} keys. */
    public String sliceHash(List<String> sections) {
        ObjectNode slice = slice(sections);
        if (slice.get("project") instanceof ObjectNode project) project.remove(EXECUTION_ONLY);
        return Json.sha256(slice);
    }
}
