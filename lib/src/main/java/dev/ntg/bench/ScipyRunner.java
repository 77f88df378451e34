package dev.ntg.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ntg.io.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code tools/bench/scipy_xtx.py} with a Python that has scipy: {@code $NTG_PYTHON}, else the project's
 * {@code .venv} (which {@code make bench} fills from tools/bench-requirements.txt), else {@code python3} on the
 * PATH. Every BLAS/OpenMP pool is held to one thread so that the figure is throughput per core.
 */
public final class ScipyRunner {
    /** Where the script lives, relative to the project (work) dir. */
    public static final String SCRIPT = "tools/bench/scipy_xtx.py";
    private static final long TIMEOUT_MINUTES = 60;

    private final String python;
    private final Path script;
    private final JsonNode versions;

    private ScipyRunner(String python, Path script, JsonNode versions) {
        this.python = python;
        this.script = script;
        this.versions = versions;
    }

    /** Why the reference cannot run on this machine. */
    public static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String reason) {
            super(reason);
        }
    }

    /**
     * The first Python that imports scipy and numpy, with the script under {@code projectDir}, else under
     * {@code $NTG_HOME} (the project the {@code ./ntg} launcher lives in, when --workdir points elsewhere).
     */
    public static ScipyRunner find(Path projectDir) throws Unavailable {
        Path script = projectDir.resolve(SCRIPT);
        String home = System.getenv("NTG_HOME");
        if (!Files.isRegularFile(script) && home != null) {
            projectDir = Path.of(home);
            script = projectDir.resolve(SCRIPT);
        }
        if (!Files.isRegularFile(script)) throw new Unavailable(SCRIPT + " not found under the work dir or $NTG_HOME");
        List<String> tried = new ArrayList<>();
        for (String python : candidates(projectDir)) {
            try {
                Output out = exec(List.of(python, script.toString(), "--check"), 2);
                if (out.code == 0) return new ScipyRunner(python, script, Json.MAPPER.readTree(out.stdout));
                tried.add(python + ": " + out.stderr.strip());
            } catch (IOException e) {
                tried.add(python + ": " + e.getMessage());
            }
        }
        throw new Unavailable("no Python with scipy and numpy (tried " + String.join("; ", tried)
                + "); `make bench` installs them into .venv from tools/bench-requirements.txt");
    }

    private static List<String> candidates(Path projectDir) {
        List<String> c = new ArrayList<>();
        String env = System.getenv("NTG_PYTHON");
        if (env != null && !env.isBlank()) c.add(env);
        Path venv = projectDir.resolve(".venv/bin/python");
        if (Files.isExecutable(venv)) c.add(venv.toString());
        c.add("python3");
        return c;
    }

    public String python() {
        return python;
    }

    /** {"python", "numpy", "scipy"} versions. */
    public JsonNode versions() {
        return versions;
    }

    /** Times X^T X on the CSR arrays the header names; the script's JSON answer. */
    public JsonNode timeXtX(Path header, int repeats) throws IOException {
        Output out = exec(List.of(python, script.toString(), header.toString(), Integer.toString(repeats)), TIMEOUT_MINUTES);
        if (out.code != 0) throw new IOException(SCRIPT + " exited with " + out.code + ": " + out.stderr.strip());
        return Json.MAPPER.readTree(out.stdout);
    }

    private record Output(int code, String stdout, String stderr) {
    }

    private static Output exec(List<String> command, long timeoutMinutes) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        for (String v : List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")) pb.environment().put(v, "1");
        // Both streams go to files, so a chatty child cannot block on a full pipe and the timeout holds.
        Path out = Files.createTempFile("ntg-scipy", ".out");
        Path err = Files.createTempFile("ntg-scipy", ".err");
        try {
            pb.redirectOutput(out.toFile());
            pb.redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException(command.get(1) + " took longer than " + timeoutMinutes + " min");
            }
            return new Output(p.exitValue(), Files.readString(out), Files.readString(err));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
