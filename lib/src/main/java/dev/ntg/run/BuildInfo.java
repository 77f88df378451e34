package dev.ntg.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** The lib version (from the build) and the git commit of the work dir, for manifests. */
public final class BuildInfo {
    private BuildInfo() {
    }

    public static String libVersion() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/dev/ntg/version.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Commit hash and dirty flag of the git checkout holding {@code dir}; "unknown" outside git. */
    public record Git(String commit, boolean dirty) {
    }

    public static Git git(Path dir) {
        String commit = run(dir, "git", "rev-parse", "HEAD");
        if (commit == null || commit.isBlank()) return new Git("unknown", false);
        String status = run(dir, "git", "status", "--porcelain", "--untracked-files=no");
        return new Git(commit.strip(), status != null && !status.isBlank());
    }

    private static String run(Path dir, String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(false).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            p.getErrorStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) return null;
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
