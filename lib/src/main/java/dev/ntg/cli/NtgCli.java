package dev.ntg.cli;

import dev.ntg.NtgException;
import dev.ntg.config.ConfigLoader;
import dev.ntg.config.LoadedConfig;
import dev.ntg.io.PathCatalog;
import dev.ntg.run.Stage;
import dev.ntg.run.StageManifest;
import dev.ntg.run.StageRunner;
import dev.ntg.run.WorkDirLock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ntg [--config FILE] [--set key=value ...] <command>}: one subcommand per stage plus {@code run-all}.
 * The JBang scripts call {@link #run(String, String...)} with their stage's command, so both entry points
 * run the same code.
 */
@Command(name = "ntg", mixinStandardHelpOptions = true, versionProvider = NtgCli.Version.class,
        description = "NTG — Neural Taste Graph: raw interaction events to trustworthy personalization and retention artifacts.",
        footer = {"", "Config: base.yaml, then --config (default: configs/dev.yaml under the work dir, or $NTG_CONFIG), then each --set."})
public final class NtgCli {
    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Overlay on base.yaml (default: $NTG_CONFIG, else configs/dev.yaml if present).")
    Path config;

    @Option(names = "--set", scope = ScopeType.INHERIT, paramLabel = "KEY=VALUE",
            description = "Override one key, e.g. --set graph.top_k=50 (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--workdir", scope = ScopeType.INHERIT, paramLabel = "DIR", defaultValue = "${env:NTG_WORKDIR:-.}",
            description = "Folder that holds data/ and outputs/ (default: $NTG_WORKDIR, which ./ntg sets to the project, else the current folder).")
    Path workDir;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command as a script would: {@code run("build-dataset", args)}. */
    public static int run(String command, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        return run(all);
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        NtgCli root = new NtgCli();
        CommandLine cl = new CommandLine(root);
        for (Stage stage : Stages.all()) {
            cl.addSubcommand(stage.name(), new CommandLine(stageSpec(root, stage)));
        }
        cl.addSubcommand("run-all", new CommandLine(new RunAllCommand(root)));
        cl.addSubcommand("bench", new CommandLine(new BenchCommand(root)));
        cl.addSubcommand("check-leakage", new CommandLine(new CheckLeakageCommand(root)));
        cl.setExecutionExceptionHandler(NtgCli::handle);
        return cl;
    }

    private static CommandSpec stageSpec(NtgCli root, Stage stage) {
        Callable<Integer> body = () -> {
            Session s = root.session();
            try (WorkDirLock lock = WorkDirLock.acquire(s.catalog().workDir())) {
                StageRunner.Result r = s.runner().run(stage, false);
                printOutputs(s.out(), r.manifest());
            }
            return 0;
        };
        CommandSpec spec = CommandSpec.wrapWithoutInspection(body);
        spec.usageMessage().description(stage.description());
        spec.mixinStandardHelpOptions(true);
        return spec;
    }

    /** The loaded config and a runner over the work dir, shared by all subcommands. */
    record Session(LoadedConfig config, PathCatalog catalog, StageRunner runner, PrintWriter out) {
    }

    Session session() {
        Path work = workDir.toAbsolutePath().normalize();
        LoadedConfig loaded = loadConfig(true);
        PathCatalog catalog = new PathCatalog(work);
        PrintWriter out = new PrintWriter(System.out, true);
        out.println("config: " + String.join(" + ", loaded.sources()));
        return new Session(loaded, catalog, new StageRunner(catalog, loaded), out);
    }

    /**
     * base.yaml, then the overlay, then each --set. The overlay is --config; without it, when {@code defaultOverlay},
     * $NTG_CONFIG or else the work dir's configs/dev.yaml (the bench takes only an explicit --config).
     */
    LoadedConfig loadConfig(boolean defaultOverlay) {
        Path work = workDir.toAbsolutePath().normalize();
        ConfigLoader loader = ConfigLoader.fromBase();
        Path overlay = config;
        if (overlay == null && defaultOverlay && System.getenv("NTG_CONFIG") != null) overlay = Path.of(System.getenv("NTG_CONFIG"));
        if (overlay == null && defaultOverlay && Files.isRegularFile(work.resolve("configs/dev.yaml"))) overlay = work.resolve("configs/dev.yaml");
        if (overlay != null) loader.overlay(overlay);
        for (String s : sets) loader.set(s);
        return loader.load();
    }

    static void printOutputs(PrintWriter out, StageManifest m) {
        for (StageManifest.FileEntry f : m.outputs()) {
            out.println("  " + f.path() + (f.rows() == null ? "" : "  (" + f.rows() + " rows)"));
        }
    }

    private static int handle(Exception ex, CommandLine cmd, CommandLine.ParseResult parse) {
        PrintWriter err = cmd.getErr();
        if (ex instanceof NtgException) {
            err.println("ntg: error: " + ex.getMessage());
            return 2;
        }
        err.println("ntg: internal error (please report): " + ex);
        ex.printStackTrace(err);
        return 70;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"ntg " + dev.ntg.run.BuildInfo.libVersion()};
        }
    }
}
