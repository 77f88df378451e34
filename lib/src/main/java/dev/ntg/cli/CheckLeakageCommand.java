package dev.ntg.cli;

import dev.ntg.data.BuildDatasetStage;
import dev.ntg.io.Json;
import dev.ntg.io.PathCatalog;
import dev.ntg.leakage.LeakageCheckReport;
import dev.ntg.leakage.LeakageRoles;
import dev.ntg.leakage.TamperCheck;
import dev.ntg.report.SchemaValidator;
import dev.ntg.run.Stage;
import dev.ntg.run.WorkDirLock;
import picocli.CommandLine.Command;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ntg check-leakage}: the tamper test on this work dir's split → outputs/reports/leakage_check.json. */
@Command(name = "check-leakage", mixinStandardHelpOptions = true,
        description = {"Tamper test on this run's split: in a scratch copy, rewrite VAL, then TEST, then move one TRAIN event;",
                "rerun every stage after the split each time and compare every output's bytes.",
                "Writes outputs/reports/leakage_check.json; exits 1 if anything fitted on TRAIN (or tuned on VAL) moved."})
final class CheckLeakageCommand implements Callable<Integer> {
    private final NtgCli root;

    CheckLeakageCommand(NtgCli root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        NtgCli.Session s = root.session();
        Path workDir = s.catalog().workDir();
        LeakageCheckReport report;
        try (WorkDirLock lock = WorkDirLock.acquire(workDir)) {
            report = new TamperCheck(s.config(), afterSplit(Stages.forRun(s.config().config())), LeakageRoles.pipeline()).run(workDir);
            SchemaValidator.of(LeakageCheckReport.SCHEMA).check(Json.MAPPER.valueToTree(report), PathCatalog.LEAKAGE_CHECK.relativePath());
            Json.writeAtomically(s.catalog().resolve(PathCatalog.LEAKAGE_CHECK), report);
        }
        for (LeakageCheckReport.Case c : report.cases()) {
            s.out().printf("%-22s %s  (%d artifacts, %d moved)%n", c.name(), c.passed() ? "passed" : "FAILED", c.artifacts().size(), c.moved().size());
            c.violations().forEach(v -> s.out().println("  leaked into: " + v));
        }
        // evaluate's own artifact checks run inside the scratch copies too, and rightly flag the edited split file
        s.out().println("(evaluate's \"leakage check(s) fail\" warnings above come from the scratch copies: the edited split file no "
                + "longer matches split_manifest.json, which is the edit being seen, not a leak)");
        s.out().println("wrote " + PathCatalog.LEAKAGE_CHECK.relativePath());
        return report.passed() ? 0 : 1;
    }

    /** The stages after build-dataset, in run order: everything the split feeds. */
    static List<Stage> afterSplit(List<Stage> stages) {
        int split = stages.stream().map(Stage::name).toList().indexOf(new BuildDatasetStage().name());
        return stages.subList(split + 1, stages.size());
    }
}
