package dev.ntg.cli;

import dev.ntg.run.Stage;
import dev.ntg.run.StageRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** Runs every stage in order, skipping those whose inputs and config are unchanged since their last run. */
@Command(name = "run-all", mixinStandardHelpOptions = true,
        description = "Run every stage in order, skipping stages whose inputs and config are unchanged.")
final class RunAllCommand implements Callable<Integer> {
    private final NtgCli root;

    @Option(names = "--force", description = "Rerun every stage even when up to date.")
    boolean force;

    RunAllCommand(NtgCli root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        NtgCli.Session s = root.session();
        for (Stage stage : Stages.forRun(s.config().config())) {
            StageRunner.Result r = s.runner().run(stage, !force);
            s.out().printf("%-16s %s%n", stage.name(), r.skipped() ? "up to date" : String.format("%.1f s", r.seconds()));
            if (!r.skipped()) NtgCli.printOutputs(s.out(), r.manifest());
        }
        return 0;
    }
}
