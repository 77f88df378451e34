package dev.ntg.cli;

import dev.ntg.bench.PipelineBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code ntg bench}: every stage on synthetic services of the given sizes → outputs/reports/bench.json. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark every stage on synthetic data of the given sizes; figures to outputs/reports/bench.json.")
final class BenchCommand implements Callable<Integer> {
    private final NtgCli root;

    @Option(names = "--events", split = ",", paramLabel = "N",
            description = "Synthetic event counts to run (default: ${DEFAULT-VALUE}).", defaultValue = "1000000,10000000,25000000")
    List<Long> sizes;

    BenchCommand(NtgCli root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        // base.yaml plus --set only: the dev overlay's fixed small user/item counts would distort the shape.
        var report = new PipelineBenchmark(root.workDir.toAbsolutePath().normalize(), root.sets).run(sizes, Stages.all());
        report.measurements().forEach(m -> System.out.printf("%,12d events  %-16s %8.1f s  %8.0f MiB heap  %8s MiB RSS  %,12.0f events/s%n",
                m.events(), m.stage(), m.wallSeconds(), m.peakHeapMib(), m.peakRssMib() == null ? "?" : String.format("%.0f", m.peakRssMib()),
                m.eventsPerSecond()));
        System.out.println("wrote outputs/reports/bench.json");
        return 0;
    }
}
