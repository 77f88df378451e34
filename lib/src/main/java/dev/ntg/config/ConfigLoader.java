package dev.ntg.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Loads the effective configuration: base.yaml (shipped in the lib, a copy of {@code configs/base.yaml}),
 * then an optional overlay file, then {@code --set key=value} overrides. Objects merge key by key; scalars
 * and lists replace. Every key of an overlay must exist in base.yaml with a value of the same kind, so a
 * typo is an error that names the file and key rather than a silently ignored setting.
 */
public final class ConfigLoader {
    static final String BASE_RESOURCE = "/dev/ntg/config/base.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper BINDER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private final ObjectNode tree;
    private final Map<String, String> origin = new HashMap<>();
    private final List<String> sources = new ArrayList<>();

    private ConfigLoader(ObjectNode base, String baseName) {
        this.tree = base;
        sources.add(baseName);
        recordOrigin(base, "", baseName);
    }

    /** Starts from the base.yaml shipped in the lib. */
    public static ConfigLoader fromBase() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(BASE_RESOURCE)) {
            if (in == null) throw new ConfigException("base.yaml is missing from the lib's classpath (" + BASE_RESOURCE + "): rebuild the lib");
            return new ConfigLoader(asObject(YAML.readTree(in), "base.yaml"), "base.yaml");
        } catch (IOException e) {
            throw new ConfigException("base.yaml: cannot be read: " + e.getMessage());
        }
    }

    /** Starts from a given base file (tests, or a fork with its own defaults). */
    public static ConfigLoader fromBase(Path baseFile) {
        return new ConfigLoader(readYaml(baseFile), baseFile.toString());
    }

    /** Merges an overlay file on top of what is loaded so far. */
    public ConfigLoader overlay(Path file) {
        ObjectNode over = readYaml(file);
        merge(tree, over, "", file.toString());
        sources.add(file.toString());
        return this;
    }

    /** Applies one {@code key.path=value} override; the value is parsed as a YAML scalar or flow list. */
    public ConfigLoader set(String assignment) {
        int eq = assignment.indexOf('=');
        String where = "--set " + assignment;
        if (eq <= 0) throw new ConfigException(where + ": expected key=value, e.g. --set graph.top_k=50");
        String key = assignment.substring(0, eq).trim();
        String text = assignment.substring(eq + 1);
        JsonNode value;
        try {
            value = text.isEmpty() ? NullNode.getInstance() : YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException(where + ": value is not valid YAML: " + e.getOriginalMessage());
        }
        if (value == null || value.isMissingNode()) value = NullNode.getInstance();
        String[] parts = key.split("\\.");
        ObjectNode over = YAML.createObjectNode();
        ObjectNode cursor = over;
        for (int i = 0; i < parts.length - 1; i++) cursor = cursor.putObject(parts[i]);
        cursor.set(parts[parts.length - 1], value);
        merge(tree, over, "", "--set " + key);
        sources.add("--set " + assignment);
        return this;
    }

    /** Binds and validates the merged tree. */
    public LoadedConfig load() {
        NtgConfig config;
        try {
            config = BINDER.treeToValue(tree, NtgConfig.class);
        } catch (JsonMappingException e) {
            throw translate(e);
        } catch (JsonProcessingException e) {
            throw new ConfigException("configuration: " + e.getOriginalMessage());
        }
        return new LoadedConfig(config, tree.deepCopy(), List.copyOf(sources));
    }

    private ConfigException translate(JsonMappingException e) {
        String path = pathOf(e);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidSetting bad) {
                String key = path.isEmpty() ? bad.key() : path + "." + bad.key();
                return new ConfigException(originOf(key) + ": " + key + " " + bad.reason());
            }
        }
        String detail = e.getOriginalMessage();
        int cut = detail.indexOf(" (class ");
        if (cut > 0) detail = detail.substring(0, cut);
        return new ConfigException(originOf(path) + ": " + (path.isEmpty() ? "configuration" : path) + ": " + detail);
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (b.length() > 0) b.append('.');
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    /** The file or --set that last supplied a key (or the closest enclosing key). */
    private String originOf(String key) {
        String k = key.replaceAll("\\[\\d+]", "");
        while (!k.isEmpty()) {
            String o = origin.get(k);
            if (o != null) return o;
            int dot = k.lastIndexOf('.');
            k = dot < 0 ? "" : k.substring(0, dot);
        }
        return sources.get(sources.size() - 1);
    }

    private void merge(ObjectNode target, ObjectNode over, String prefix, String source) {
        Iterator<Map.Entry<String, JsonNode>> it = over.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            JsonNode existing = target.get(e.getKey());
            JsonNode value = e.getValue();
            if (existing == null) {
                throw new ConfigException(source + ": unknown key '" + key + "'"
                        + (target.size() > 0 ? " (known keys" + (prefix.isEmpty() ? "" : " under '" + prefix + "'") + ": "
                        + String.join(", ", iterable(target.fieldNames())) + ")" : ""));
            }
            if (existing.isObject()) {
                if (!value.isObject()) {
                    throw new ConfigException(source + ": " + key + " must be a section (a map of keys), got " + kind(value));
                }
                merge((ObjectNode) existing, (ObjectNode) value, key, source);
            } else {
                if (!existing.isNull() && !value.isNull() && !sameKind(existing, value)) {
                    throw new ConfigException(source + ": " + key + " must be " + kind(existing) + ", got " + kind(value) + " (" + value + ")");
                }
                target.set(e.getKey(), value);
                recordOrigin(value, key, source);
            }
        }
    }

    private void recordOrigin(JsonNode node, String key, String source) {
        if (!key.isEmpty()) origin.put(key, source);
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> recordOrigin(e.getValue(), key.isEmpty() ? e.getKey() : key + "." + e.getKey(), source));
        }
    }

    private static boolean sameKind(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) return a.isIntegralNumber() ? b.isIntegralNumber() : true;
        return a.getNodeType() == b.getNodeType();
    }

    private static String kind(JsonNode n) {
        if (n.isIntegralNumber()) return "a whole number";
        if (n.isNumber()) return "a number";
        JsonNodeType t = n.getNodeType();
        return switch (t) {
            case STRING -> "a string";
            case BOOLEAN -> "true or false";
            case ARRAY -> "a list";
            case OBJECT -> "a section";
            case NULL -> "null";
            default -> t.name().toLowerCase();
        };
    }

    private static ObjectNode readYaml(Path file) {
        try {
            return asObject(YAML.readTree(Files.readString(file)), file.toString());
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": config file not found (pass an existing file to --config)");
        } catch (JsonProcessingException e) {
            String loc = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new ConfigException(file + loc + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage());
        }
    }

    private static ObjectNode asObject(JsonNode node, String name) {
        if (node == null || node.isMissingNode() || node.isNull()) return YAML.createObjectNode();
        if (!node.isObject()) throw new ConfigException(name + ": must be a YAML map of sections, got " + kind(node));
        return (ObjectNode) node;
    }

    private static Iterable<String> iterable(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
