package dev.ntg.cli;

import dev.ntg.NtgException;
import dev.ntg.bench.PipelineBenchmark;
import dev.ntg.run.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code ntg bench}: every stage on synthetic services of the given sizes → outputs/reports/bench.json and its figure. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark every stage on synthetic data of the given sizes (base.yaml, plus --config only when given, plus --set); "
                + "writes outputs/reports/bench.json and a time-vs-events figure, with the graph kernel timed against scipy's X^T X.")
final class BenchCommand implements Callable<Integer> {
    private final NtgCli root;

    @Option(names = "--events", split = ",", paramLabel = "N",
            description = "Synthetic event counts to run (default: ${DEFAULT-VALUE}).", defaultValue = "1000000,10000000,25000000")
    List<Long> sizes;

    @Option(names = "--stages", split = ",", paramLabel = "STAGE",
            description = "Only these stages, in pipeline order (default: all). Each needs the ones it reads from.")
    List<String> only;

    @Option(names = "--output", paramLabel = "FILE", defaultValue = "bench.json",
            description = "Report file name under outputs/reports/ (default: ${DEFAULT-VALUE}); the figure is <stem>_time_vs_events.png.")
    String output;

    @Option(names = "--reference-max-events", paramLabel = "N", defaultValue = "10000000",
            description = "Run the scipy X^T X reference at every size up to N events (default: ${DEFAULT-VALUE}; 0: never).")
    long referenceMaxEvents;

    @Option(names = "--reference-repeats", paramLabel = "R", defaultValue = "3",
            description = "Timed runs of each side of the reference; the best counts (default: ${DEFAULT-VALUE}).")
    int referenceRepeats;

    BenchCommand(NtgCli root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        List<Stage> stages = Stages.all();
        if (only != null) {
            for (String name : only) {
                if (stages.stream().noneMatch(s -> s.name().equals(name))) {
                    throw new NtgException("bench --stages: unknown stage '" + name + "'; stages are "
                            + String.join(", ", stages.stream().map(Stage::name).toList()));
                }
            }
            stages = stages.stream().filter(s -> only.contains(s.name())).toList();
        }
        PipelineBenchmark.Options options;
        try {
            // Only an explicit --config: the default dev overlay's fixed small user/item counts would distort the shape.
            options = new PipelineBenchmark.Options(sizes, root.config, root.sets, output, referenceMaxEvents, referenceRepeats);
        } catch (IllegalArgumentException e) {
            throw new NtgException("bench " + e.getMessage());
        }
        var report = new PipelineBenchmark(root.workDir.toAbsolutePath().normalize(), options).run(stages);
        report.measurements().forEach(m -> System.out.printf("%,12d events  %-16s %8.1f s  %8.1f cpu-s  %8.0f MiB heap  %8s MiB RSS  %,12.0f events/s%n",
                m.events(), m.stage(), m.wallSeconds(), m.cpuSeconds(), m.peakHeapMib(),
                m.peakRssMib() == null ? "?" : String.format("%.0f", m.peakRssMib()), m.eventsPerSecond()));
        report.totals().forEach(t -> System.out.printf("%,12d events  %-16s %8.1f s  %8.1f cpu-s%n", t.events(), "(pipeline)", t.wallSeconds(), t.cpuSeconds()));
        var ref = report.reference();
        if (ref.runs().isEmpty()) System.out.println("scipy reference: " + ref.status() + " (" + ref.reason() + ")");
        ref.runs().forEach(r -> System.out.printf("%,12d events  scipy reference: %s, kernel/scipy per core = %s%n", r.events(), r.status(),
                r.ratioPerCore() == null ? "?" : String.format("%.2f", r.ratioPerCore())));
        var machine = report.machine();
        System.out.printf("machine speed probe: %.2f ns per row at the start, %.2f at the end (lower is faster; compare runs by the ratio)%n",
                machine.speedProbeNsStart(), machine.speedProbeNsEnd());
        System.out.println("wrote outputs/reports/" + output + " and " + report.figure());
        return 0;
    }
}
