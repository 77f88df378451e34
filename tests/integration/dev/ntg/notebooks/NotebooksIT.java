package dev.ntg.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ntg.cli.NtgCli;
import dev.ntg.testing.TestPipeline;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every {@code notebooks/*.ipynb}, executed headless by Jupyter with the JJava kernel against a fresh dev run:
 * the pipeline runs in-process into a temp work dir, then {@code .venv/bin/jupyter nbconvert --execute} runs each
 * notebook into a temp copy with {@code NTG_WORKDIR} pointing there. The committed notebooks are not touched.
 * Without the venv ({@code tools/setup-notebooks.sh}) the test fails in CI and is skipped elsewhere.
 */
@DisplayName("the notebooks, executed by Jupyter with the Java kernel")
class NotebooksIT {
    private static final long TIMEOUT_MINUTES = 10;
    private static final long MAX_COMMITTED_BYTES = 300_000;

    @TempDir
    static Path work;
    @TempDir
    static Path executed;

    @TestFactory
    @DisplayName("each notebook runs without a cell error on a fresh dev run")
    Stream<DynamicTest> notebooks() throws IOException {
        Path root = TestPipeline.projectDir();
        Path jupyter = root.resolve(".venv/bin/jupyter");
        if (!Files.isExecutable(jupyter)) {
            String msg = "the notebook tooling is not installed (" + jupyter + " is missing): run tools/setup-notebooks.sh";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(msg);
            // A skipped dynamic test, so the report counts it and shows why.
            System.err.println("NotebooksIT: " + msg + ". Skipping the notebooks (in CI this fails).");
            return Stream.of(DynamicTest.dynamicTest("notebooks (skipped: no .venv)", () -> Assumptions.abort(msg + ". Skipping the notebooks.")));
        }
        assertTrue(Files.isRegularFile(root.resolve("target/classpath.txt")), "target/classpath.txt is missing: run `mvn package` first");
        List<Path> notebooks;
        try (Stream<Path> s = Files.list(root.resolve("notebooks"))) {
            notebooks = s.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList();
        }
        assertTrue(!notebooks.isEmpty(), "no notebooks under " + root.resolve("notebooks"));

        int code = NtgCli.run(new String[]{"run-all", "--workdir", work.toString(), "--config", root.resolve("configs/dev.yaml").toString(),
                "--set", "project.duckdb_memory_limit=1GB"});
        assertEquals(0, code, "./ntg run-all failed in " + work);
        // notebook 01 shows the tamper test's results
        code = NtgCli.run(new String[]{"check-leakage", "--workdir", work.toString(), "--config", root.resolve("configs/dev.yaml").toString(),
                "--set", "project.duckdb_memory_limit=1GB"});
        assertEquals(0, code, "./ntg check-leakage failed (or found a leak) in " + work);

        return notebooks.stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> execute(root, jupyter, nb)));
    }

    private static void execute(Path root, Path jupyter, Path notebook) throws Exception {
        // Committed with outputs so they read well on a code host, but small.
        assertTrue(Files.size(notebook) < MAX_COMMITTED_BYTES, notebook.getFileName() + " is " + Files.size(notebook)
                + " bytes: keep a committed notebook under " + MAX_COMMITTED_BYTES + " (smaller figures, fewer rows)");
        List<String> cmd = List.of(jupyter.toString(), "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.kernel_name=java", "--ExecutePreprocessor.timeout=" + TIMEOUT_MINUTES * 60,
                "--output-dir", executed.toString(), notebook.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true);
        // The kernel runs `java` from PATH: make it this test's JDK. The venv's kernelspec comes first, so no
        // other `java` kernel installed for the user can shadow it.
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + System.getenv("PATH"));
        pb.environment().put("JUPYTER_PATH", root.resolve(".venv/share/jupyter").toString());
        pb.environment().put("NTG_WORKDIR", work.toString());
        pb.environment().put("NTG_PROJECT_DIR", root.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(TIMEOUT_MINUTES + 1, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail(notebook.getFileName() + " did not finish within " + TIMEOUT_MINUTES + " minutes");
        }
        if (p.exitValue() != 0) {
            fail(notebook.getFileName() + ": jupyter nbconvert exited " + p.exitValue() + "\n" + failingCell(out));
        }
        Path result = executed.resolve(notebook.getFileName());
        List<String> errors = errorOutputs(result);
        assertTrue(errors.isEmpty(), notebook.getFileName() + " has error outputs:\n" + String.join("\n", errors));
    }

    /** The part of nbconvert's output that names the failing cell and its error, without ANSI colours or kernel chatter. */
    static String failingCell(String out) {
        String clean = out.replaceAll("\u001B\\[[0-9;]*[A-Za-z]", "");
        int at = clean.lastIndexOf("CellExecutionError:");
        String relevant = at >= 0 ? clean.substring(at) : clean.substring(Math.max(0, clean.length() - 6000));
        return relevant.lines().filter(l -> !l.contains("Loop st")).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    /** Error outputs left in an executed notebook, each with its cell's source. */
    static List<String> errorOutputs(Path notebook) throws IOException {
        JsonNode nb = new ObjectMapper().readTree(notebook.toFile());
        List<String> errors = new ArrayList<>();
        for (JsonNode cell : nb.path("cells")) {
            if (!"code".equals(cell.path("cell_type").asText())) continue;
            for (JsonNode o : cell.path("outputs")) {
                if ("error".equals(o.path("output_type").asText())) {
                    errors.add("cell: " + text(cell.path("source")) + "\n  " + o.path("ename").asText() + ": " + o.path("evalue").asText());
                }
            }
        }
        return errors;
    }

    private static String text(JsonNode source) {
        if (!source.isArray()) return source.asText();
        StringBuilder b = new StringBuilder();
        source.forEach(n -> b.append(n.asText()));
        return b.toString();
    }
}
