package dev.ntg.cli;

import picocli.CommandLine;

import java.util.Optional;

/**
 * What the {@code ./ntg} launcher passes as -Xmx: {@code project.jvm_heap} of the config the given command line
 * will load (the heap has to be chosen before the JVM that runs the command starts, and only Java reads the YAML).
 * Prints {@code -Xmx<size>}, or nothing when the command line or the config is invalid: the run itself then
 * reports the error with its file, key and line.
 */
public final class LauncherHeap {
    private LauncherHeap() {
    }

    public static void main(String[] args) {
        option(args).ifPresent(System.out::println);
    }

    static Optional<String> option(String... args) {
        try {
            CommandLine cl = NtgCli.commandLine();
            CommandLine.ParseResult parsed = cl.parseArgs(args);
            NtgCli root = cl.getCommand();
            // the bench reads base.yaml + an explicit --config only (BenchCommand), every other command the default overlay too
            boolean bench = parsed.subcommand() != null && parsed.subcommand().commandSpec().name().equals("bench");
            return Optional.of("-Xmx" + root.loadConfig(!bench).config().project().jvmHeap());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
