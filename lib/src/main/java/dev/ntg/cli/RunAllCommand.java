package dev.ntg.cli;

import dev.ntg.report.RunAllSummary;
import dev.ntg.run.Stage;
import dev.ntg.NtgException;
import dev.ntg.run.StageRunner;
import dev.ntg.run.WorkDirLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** Runs every stage in order, skipping those whose inputs and config are unchanged since their last run. */
@Command(name = "run-all", mixinStandardHelpOptions = true,
        description = "Run every stage in order, skipping stages whose inputs and config are unchanged.")
final class RunAllCommand implements Callable<Integer> {
    private final NtgCli root;

    @Option(names = "--force", description = "Rerun every stage even when up to date.")
    boolean force;

    @Option(names = "--from", paramLabel = "STAGE", description = "Rerun this stage and all after it (earlier ones skip when up to date).")
    String from;

    RunAllCommand(NtgCli root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        NtgCli.Session s = root.session();
        List<Stage> stages = Stages.forRun(s.config().config());
        int first = 0;
        if (from != null) {
            first = stages.stream().map(Stage::name).toList().indexOf(from);
            if (first < 0) {
                throw new NtgException("--from " + from + ": no such stage; stages are "
                        + String.join(", ", stages.stream().map(Stage::name).toList()));
            }
        }
        List<StageRunner.Result> results = new java.util.ArrayList<>();
        try (WorkDirLock lock = WorkDirLock.acquire(s.catalog().workDir())) {
            for (int i = 0; i < stages.size(); i++) {
                Stage stage = stages.get(i);
                // --from reruns the named stage and everything after it; earlier stages still skip when up to date
                boolean skipIfUpToDate = !force && (from == null || i < first);
                StageRunner.Result r = s.runner().run(stage, skipIfUpToDate);
                s.out().printf("%-16s %s%n", stage.name(), r.skipped() ? "up to date" : String.format("%.1f s", r.seconds()));
                if (!r.skipped()) NtgCli.printOutputs(s.out(), r.manifest());
                results.add(r);
            }
        }
        s.out().println();
        s.out().print(RunAllSummary.format(RunAllSummary.rows(results, s.catalog())));
        s.out().flush();
        return 0;
    }
}
