package dev.ntg.report;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a page in Debian's headless Chromium and reports what a reader would see go wrong: images that did not
 * load, script errors, Content-Security-Policy violations (a reference to anything outside the page) and console
 * messages. It works on a copy of the page with a small probe script appended; the copy's policy allows that one
 * inline script and nothing else the original forbids. The probe writes its findings into the DOM, which
 * {@code --dump-dom} prints, so the result does not depend on Chromium's log format.
 */
final class HeadlessChromium {
    private static final String PROBE = """
            <script>
            (function () {
              var csp = [], errors = [];
              document.addEventListener('securitypolicyviolation', function (e) { csp.push(e.violatedDirective + ' ' + e.blockedURI); });
              window.addEventListener('error', function (e) { errors.push(String(e.message || (e.target && e.target.src) || 'error')); }, true);
              window.addEventListener('load', function () {
                var broken = [], imgs = document.images;
                for (var i = 0; i < imgs.length; i++) {
                  if (!imgs[i].complete || imgs[i].naturalWidth === 0) broken.push(imgs[i].alt || ('#' + i));
                }
                var p = document.createElement('pre');
                p.id = 'ntg-probe';
                p.textContent = 'images=' + imgs.length + ';broken=' + broken.length + ';csp=' + csp.length + ';errors=' + errors.length
                  + ';detail=' + JSON.stringify({broken: broken, csp: csp, errors: errors});
                document.body.appendChild(p);
              });
            })();
            </script>
            """;
    private static final Pattern RESULT = Pattern.compile("images=(\\d+);broken=(\\d+);csp=(\\d+);errors=(\\d+);detail=([^<]*)");

    /** What the probe found. */
    record Result(int images, int broken, int cspViolations, int errors, String detail, List<String> consoleLines) {
        boolean clean() {
            return broken == 0 && cspViolations == 0 && errors == 0 && consoleLines.isEmpty();
        }
    }

    private HeadlessChromium() {
    }

    /** The Chromium executable; skips the test where there is none, but fails it when {@code CI=true}. */
    static Path executable() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            String path = System.getenv("PATH");
            if (path == null) break;
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) return p;
            }
        }
        String message = "headless Chromium not found on PATH: install Debian's `chromium` (apt-get install -y chromium; .ci/run does)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) Assertions.fail(message);
        Assumptions.abort(message + ". Skipping the browser check.");
        return null;
    }

    /** Opens a copy of {@code page} (made in {@code scratch}) and returns what the probe saw. */
    static Result open(Path page, Path scratch) throws IOException, InterruptedException {
        Path chromium = executable();
        String html = Files.readString(page, StandardCharsets.UTF_8);
        String policy = HtmlReport.CONTENT_SECURITY_POLICY;
        String allowProbe = policy + "; script-src 'unsafe-inline'";
        // the report writes the policy attribute escaped (&#39;); a hand-made page may not
        if (html.contains(Html.escape(policy))) html = html.replace(Html.escape(policy), Html.escape(allowProbe));
        else if (html.contains(policy)) html = html.replace(policy, allowProbe);
        int end = html.lastIndexOf("</body>");
        html = end < 0 ? html + PROBE : html.substring(0, end) + PROBE + html.substring(end);
        Files.createDirectories(scratch);
        Path copy = scratch.resolve("probe.html");
        Files.writeString(copy, html, StandardCharsets.UTF_8);
        Path profile = Files.createTempDirectory(scratch, "profile");
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                "--virtual-time-budget=10000", "--dump-dom", copy.toUri().toString()));
        Path out = scratch.resolve("dom.html");
        Path err = scratch.resolve("stderr.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            Assertions.fail("chromium did not finish within 120 s; stderr:\n" + Files.readString(err));
        }
        String dom = Files.readString(out, StandardCharsets.UTF_8);
        Matcher m = RESULT.matcher(dom);
        if (!m.find()) {
            Assertions.fail("chromium exited " + p.exitValue() + " without the probe's result; stderr:\n" + Files.readString(err)
                    + "\nstdout head:\n" + dom.substring(0, Math.min(2000, dom.length())));
        }
        List<String> console = Files.readAllLines(err, StandardCharsets.UTF_8).stream().filter(l -> l.contains(":CONSOLE")).toList();
        return new Result(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)), m.group(5), console);
    }
}
