package dev.ntg.run;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;
import dev.ntg.io.Hashing;
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

    private static volatile String fingerprint;

    /**
     * SHA-256 over the lib's own code (the jar, or every file under the classes folder in a development build),
     * so that run-all reruns a stage when the code that made its outputs has changed, not only its inputs.
     */
    public static String codeFingerprint() {
        if (fingerprint == null) fingerprint = computeFingerprint();
        return fingerprint;
    }

    private static String computeFingerprint() {
        try {
            Path code = Path.of(BuildInfo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) return Hashing.sha256(code);
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (Stream<Path> files = Files.walk(code)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    md.update(code.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                    md.update(Files.readAllBytes(f));
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException | SecurityException e) {
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
