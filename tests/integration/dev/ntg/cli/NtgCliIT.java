package dev.ntg.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("ntg CLI")
class NtgCliIT {
    @TempDir
    Path work;

    private int run(StringWriter err, String... args) {
        var cl = NtgCli.commandLine();
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    @DisplayName("a bad config value exits 2 with one line naming the key, no stack trace")
    void badConfig() {
        StringWriter err = new StringWriter();
        int code = run(err, "--workdir", work.toString(), "--set", "split.val_fraction=0.9", "build-dataset");
        assertEquals(2, code);
        assertThat(err.toString()).startsWith("ntg: error: --set split.val_fraction: split.val_fraction must be between")
                .doesNotContain("at dev.ntg");
    }

    @Test
    @DisplayName("a stage run before its inputs exist says which command to run first")
    void outOfOrder() {
        StringWriter err = new StringWriter();
        int code = run(err, "--workdir", work.toString(), "build-dataset");
        assertEquals(2, code);
        assertThat(err.toString()).contains("run `ntg generate-events` first");
    }

    @Test
    @DisplayName("options may follow the command, as the JBang scripts pass them")
    void inheritedOptions() {
        StringWriter err = new StringWriter();
        int code = run(err, "build-dataset", "--workdir", work.toString(), "--set", "dataset.source=nope");
        assertEquals(2, code);
        assertThat(err.toString()).contains("dataset.source must be one of");
    }
}
