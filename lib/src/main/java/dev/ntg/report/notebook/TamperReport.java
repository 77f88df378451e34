package dev.ntg.report.notebook;

import dev.ntg.io.Json;
import dev.ntg.io.PathCatalog;
import dev.ntg.leakage.LeakageCheckReport;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The tamper test's results as notebook 01 shows them, read from {@code outputs/reports/leakage_check.json}
 * ({@code ntg check-leakage}). The check is run on demand, so a work dir may not have it yet: then the verdict says
 * how to produce it and the tables are empty.
 */
public final class TamperReport {
    private TamperReport() {
    }

    /** The check's report, if {@code ntg check-leakage} has been run on this work dir. */
    static Optional<LeakageCheckReport> read(Artifacts art) {
        Path p = art.workDir().resolve(PathCatalog.LEAKAGE_CHECK.relativePath());
        if (!Files.isRegularFile(p)) return Optional.empty();
        try {
            return Optional.of(Json.MAPPER.readValue(p.toFile(), LeakageCheckReport.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PathCatalog.LEAKAGE_CHECK.relativePath(), e);
        }
    }

    /** One sentence: did every case pass, and what each one showed. */
    public static String verdict(Artifacts art) {
        return read(art).map(TamperReport::verdict).orElse("No " + PathCatalog.LEAKAGE_CHECK.relativePath()
                + " in this work dir yet: run `./ntg check-leakage` (it reruns the stages after the split three times in a "
                + "scratch copy) and re-execute this notebook.");
    }

    static String verdict(LeakageCheckReport r) {
        StringBuilder b = new StringBuilder(r.passed() ? "PASSED: " : "FAILED: ");
        for (LeakageCheckReport.Case c : r.cases()) {
            long guarded = c.artifacts().stream().filter(LeakageCheckReport.ArtifactOutcome::mustNotMove).count();
            if (guarded > 0) {
                b.append(c.name()).append(" moved ").append(c.violations().size()).append(" of the ").append(guarded)
                        .append(" artifacts that must keep their bytes (").append(c.moved().size()).append(" allowed to move did); ");
            } else {
                long fitted = c.artifacts().stream().filter(a -> a.moved() && a.role() == dev.ntg.leakage.LeakageRole.FITTED).count();
                b.append(c.name()).append(" changed ").append(fitted).append(" FITTED artifacts, so the comparison can fail; ");
            }
        }
        b.setLength(b.length() - 2);
        return b.append('.').toString();
    }

    /** Per case: the file rewritten, its rows before and after, what had to hold, and the outcome. */
    public static Table cases(Artifacts art) {
        List<LeakageCheckReport.Case> cases = read(art).map(LeakageCheckReport::cases).orElse(List.of());
        Table t = Table.create("tamper test cases",
                StringColumn.create("case"), StringColumn.create("file rewritten"), LongColumn.create("rows before"),
                LongColumn.create("rows after"), IntColumn.create("must keep bytes"), IntColumn.create("moved"),
                StringColumn.create("violations"), BooleanColumn.create("passed"));
        for (LeakageCheckReport.Case c : cases) {
            t.stringColumn(0).append(c.name());
            t.stringColumn(1).append(c.rewritten());
            t.longColumn(2).append(c.rowsBefore());
            t.longColumn(3).append(c.rowsAfter());
            t.intColumn(4).append((int) c.artifacts().stream().filter(LeakageCheckReport.ArtifactOutcome::mustNotMove).count());
            t.intColumn(5).append(c.moved().size());
            t.stringColumn(6).append(c.violations().isEmpty() ? "none" : String.join(", ", c.violations()));
            t.booleanColumn(7).append(c.passed());
        }
        return t;
    }

    /** Per artifact: its role and, for each case, whether its bytes moved ("kept" where they had to stay). */
    public static Table artifacts(Artifacts art) {
        Optional<LeakageCheckReport> report = read(art);
        List<LeakageCheckReport.Case> cases = report.map(LeakageCheckReport::cases).orElse(List.of());
        Table t = Table.create("artifacts after the split, by case", StringColumn.create("artifact"), StringColumn.create("stage"),
                StringColumn.create("role"));
        for (LeakageCheckReport.Case c : cases) t.addColumns(StringColumn.create(c.name()));
        if (cases.isEmpty()) return t;
        List<LeakageCheckReport.ArtifactOutcome> rows = cases.get(0).artifacts();
        for (int i = 0; i < rows.size(); i++) {
            t.stringColumn(0).append(rows.get(i).path());
            t.stringColumn(1).append(rows.get(i).stage());
            t.stringColumn(2).append(rows.get(i).role().name());
            for (int k = 0; k < cases.size(); k++) {
                LeakageCheckReport.ArtifactOutcome o = cases.get(k).artifacts().get(i);
                t.stringColumn(3 + k).append(o.moved() ? (o.mustNotMove() ? "MOVED (leak)" : "moved") : (o.mustNotMove() ? "kept (required)" : "kept"));
            }
        }
        return t;
    }
}
