package dev.ntg.scripts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ntg.io.Json;
import dev.ntg.testing.TestPipeline;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("JBang scripts")
class ScriptDepsTest {
    static final Path ROOT = TestPipeline.projectDir();

    static List<Path> scripts() throws Exception {
        try (Stream<Path> s = Files.list(ROOT.resolve("scripts"))) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** The first {@code <tag>} directly under {@code <project>} (not inside a parent or dependency). */
    static String pomValue(String pom, String tag) {
        String top = pom.replaceAll("(?s)<parent>.*?</parent>", "").replaceAll("(?s)<dependencies>.*?</dependencies>", "")
                .replaceAll("(?s)<build>.*?</build>", "").replaceAll("(?s)<profiles>.*?</profiles>", "");
        Matcher m = Pattern.compile("<" + tag + ">([^<]+)</" + tag + ">").matcher(top);
        assertTrue(m.find(), "pom has no " + tag);
        return m.group(1).strip();
    }

    @Test
    @DisplayName("each script's //DEPS and //JAVA lines agree with the pom")
    void depsInStep() throws Exception {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        String coordinates = pomValue(pom, "groupId") + ":" + pomValue(pom, "artifactId") + ":" + pomValue(pom, "version");
        String release = pomValue(pom, "maven.compiler.release");
        List<Path> scripts = scripts();
        assertFalse(scripts.isEmpty());
        for (Path script : scripts) {
            List<String> lines = Files.readAllLines(script);
            assertEquals("///usr/bin/env jbang \"$0\" \"$@\" ; exit $?", lines.get(0), script + ": JBang shebang line");
            assertThat(lines).as(script + " //DEPS").filteredOn(l -> l.startsWith("//DEPS")).containsExactly("//DEPS " + coordinates);
            assertThat(lines).as(script + " //JAVA").filteredOn(l -> l.startsWith("//JAVA")).containsExactly("//JAVA " + release + "+");
            assertThat(lines).as(script + " //DESCRIPTION").anyMatch(l -> l.startsWith("//DESCRIPTION ") && l.length() > 30);
            assertThat(lines).as(script + ": a non-public class, so the file name may start with a digit")
                    .noneMatch(l -> l.startsWith("public class"));
        }
    }

    @Test
    @DisplayName("every script has one alias with a description in jbang-catalog.json")
    void catalog() throws Exception {
        JsonNode aliases = Json.read(ROOT.resolve("jbang-catalog.json")).get("aliases");
        for (Path script : scripts()) {
            String ref = "scripts/" + script.getFileName();
            long n = Stream.of(iterable(aliases)).filter(a -> a.get("script-ref").asText().equals(ref)).count();
            assertEquals(1, n, ref + " must have exactly one alias");
        }
        aliases.forEach(a -> {
            assertTrue(Files.exists(ROOT.resolve(a.get("script-ref").asText())), a + " points at a missing script");
            assertTrue(a.hasNonNull("description"), a + " needs a description");
        });
    }

    private static JsonNode[] iterable(JsonNode node) {
        List<JsonNode> out = new java.util.ArrayList<>();
        node.forEach(out::add);
        return out.toArray(new JsonNode[0]);
    }
}
