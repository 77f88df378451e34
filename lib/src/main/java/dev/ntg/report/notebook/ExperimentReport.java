package dev.ntg.report.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ntg.io.PathCatalog;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.ntg.report.notebook.ReportValues.NONE;
import static dev.ntg.report.notebook.ReportValues.format;
import static dev.ntg.report.notebook.ReportValues.interval;

/**
 * The experiment that would measure the assumed effects (notebook 06): per action the holdout design and its power,
 * the assignment as {@code assignment.parquet} holds it, arm balance, and on synthetic data the simulated readout. All
 * figures are the report's; the arm counts of the Parquet file appear as a labelled cross-check.
 */
public final class ExperimentReport {
    private ExperimentReport() {
    }

    /** How users are assigned to arms, in the report's words, with the experiment's id, arms and target shares. */
    public static String assignmentRule(Artifacts art) {
        JsonNode e = art.report(PathCatalog.DECISIONS_REPORT).path("experiment");
        List<String> shares = new ArrayList<>();
        e.path("shares").forEach(n -> shares.add(format(100 * n.asDouble(), 0) + "%"));
        return String.format(Locale.ROOT, "Experiment %s: %s. Arms %s with shares %s (salt '%s'). Primary metric: %s. Sample size: %s.",
                e.path("id").asText(), e.path("assignment").asText(), String.join(" / ", arms(e)), String.join(" / ", shares),
                e.path("salt").asText(), e.path("primary_metric").asText(), e.path("sample_size_formula").asText());
    }

    /**
     * Per action: users and arms, baseline retention, the lift the ASSUMED effect implies, the power at that lift, the
     * minimum detectable lift and the users the target power would need, and the sample-ratio check.
     */
    public static Table design(Artifacts art) {
        return design(art.report(PathCatalog.DECISIONS_REPORT));
    }

    static Table design(JsonNode decisions) {
        JsonNode e = decisions.path("experiment");
        List<String> arms = arms(e);
        StringColumn action = StringColumn.create("action");
        LongColumn users = LongColumn.create("users");
        StringColumn split = StringColumn.create(String.join(" / ", arms));
        DoubleColumn baseline = DoubleColumn.create("baseline retention");
        StringColumn expected = StringColumn.create("expected lift (assumed)");
        DoubleColumn power = DoubleColumn.create("power at expected lift");
        StringColumn mde = StringColumn.create("min. detectable lift");
        LongColumn needed = LongColumn.create("users needed");
        DoubleColumn srm = DoubleColumn.create("SRM p-value");
        BooleanColumn alarm = BooleanColumn.create("SRM alarm");
        for (JsonNode a : e.path("by_action")) {
            action.append(a.path("action").asText());
            users.append(a.path("users").asLong());
            List<String> counts = new ArrayList<>();
            for (String arm : arms) counts.add(String.valueOf(a.path("arm_counts").path(arm).asLong()));
            split.append(String.join(" / ", counts));
            baseline.append(ReportValues.value(a.path("baseline_retention")));
            expected.append(points(a.path("expected_lift")));
            power.append(ReportValues.value(a.path("power_at_expected_lift")));
            mde.append(points(a.path("minimum_detectable_lift")));
            if (a.path("required_total_users").isNumber()) needed.append(a.path("required_total_users").asLong());
            else needed.appendMissing();
            srm.append(ReportValues.value(a.path("srm_p_value")));
            alarm.append(a.path("srm_alarm").asBoolean());
        }
        baseline.setPrintFormatter(Formats.grouped(3));
        power.setPrintFormatter(Formats.grouped(3));
        srm.setPrintFormatter(Formats.grouped(3));
        return Table.create(String.format(Locale.ROOT, "experiment design (decisions.json; alpha %s, target power %s)",
                format(e.path("alpha").asDouble(), 2), format(e.path("power").asDouble(), 2)), action, users, split, baseline, expected, power,
                mde, needed, srm, alarm);
    }

    /** A lift in retention as percentage points, or a dash when the report has none (null: no lift reaches the power). */
    static String points(JsonNode lift) {
        return lift.isNumber() ? format(100 * lift.asDouble(), 1) + " pp" : NONE;
    }

    private static List<String> arms(JsonNode experiment) {
        List<String> arms = new ArrayList<>();
        experiment.path("arms").forEach(n -> arms.add(n.asText()));
        return arms;
    }

    /** Per action: whether the holdout as planned can confirm the assumed effect, and what it would take. */
    public static String designVerdict(Artifacts art) {
        return designVerdict(art.report(PathCatalog.DECISIONS_REPORT));
    }

    static String designVerdict(JsonNode decisions) {
        JsonNode e = decisions.path("experiment");
        double target = e.path("power").asDouble();
        List<String> parts = new ArrayList<>();
        for (JsonNode a : e.path("by_action")) {
            double power = a.path("power_at_expected_lift").asDouble();
            String name = a.path("action").asText();
            String mde = a.path("minimum_detectable_lift").isNumber()
                    ? "the smallest lift it detects with power " + format(target, 2) + " is " + points(a.path("minimum_detectable_lift"))
                    : "no lift in the curve's range reaches power " + format(target, 2);
            if (power >= target) {
                parts.add(String.format(Locale.ROOT, "%s: %,d users give power %.2f for the assumed lift of %s, enough to confirm or refute it",
                        name, a.path("users").asLong(), power, points(a.path("expected_lift"))));
            } else {
                JsonNode needed = a.path("required_total_users");
                parts.add(String.format(Locale.ROOT, "%s: UNDER-POWERED, %,d users give power %.2f for the assumed lift of %s (%s; %s), so a "
                                + "null result would say little", name, a.path("users").asLong(), power, points(a.path("expected_lift")), mde,
                        needed.isNumber() ? String.format(Locale.ROOT, "%,d users would be needed", needed.asLong()) : "no sample size is given for it"));
            }
        }
        for (JsonNode a : e.path("by_action")) {
            if (a.path("srm_alarm").asBoolean()) {
                parts.add(String.format(Locale.ROOT, "SRM ALARM for %s (p = %s): its arms do not have the configured shares, so the assignment is "
                        + "broken and no readout of it can be trusted until that is fixed", a.path("action").asText(), format(a.path("srm_p_value").asDouble(), 4)));
            }
        }
        return String.join(". ", parts) + ".";
    }

    /** Arm counts per action from {@code assignment.parquet}, next to the report's counts (cross-check) and the target shares. */
    public static Table assignment(Artifacts art) {
        Table counts = art.query("SELECT action, arm, count(*) AS users, count(*) FILTER (WHERE treated) AS treated FROM "
                + art.parquet(PathCatalog.ASSIGNMENT) + " GROUP BY action, arm", "assignment counts");
        return assignment(art.report(PathCatalog.DECISIONS_REPORT), counts);
    }

    /** From the report and per (action, arm) counts of the assignment file (action, arm, users, treated). */
    static Table assignment(JsonNode decisions, Table counts) {
        JsonNode e = decisions.path("experiment");
        List<String> arms = arms(e);
        StringColumn action = StringColumn.create("action");
        StringColumn arm = StringColumn.create("arm");
        LongColumn users = LongColumn.create("users (assignment.parquet)");
        LongColumn reported = LongColumn.create("cross-check: decisions.json");
        DoubleColumn target = DoubleColumn.create("target share");
        DoubleColumn observed = DoubleColumn.create("observed share");
        LongColumn treated = LongColumn.create("marked treated");
        // (action, arm) -> {users, treated}; Tablesaw's Row is a cursor, so the counts are copied out rather than kept as rows
        Map<String, long[]> cells = new HashMap<>();
        Map<String, Long> perAction = new HashMap<>();
        for (Row r : counts) {
            cells.put(r.getString("action") + "\u0000" + r.getString("arm"), new long[]{r.getLong("users"), r.getLong("treated")});
            perAction.merge(r.getString("action"), r.getLong("users"), Long::sum);
        }
        for (JsonNode a : e.path("by_action")) {
            String name = a.path("action").asText();
            long total = perAction.getOrDefault(name, 0L);
            for (int i = 0; i < arms.size(); i++) {
                long[] cell = cells.getOrDefault(name + "\u0000" + arms.get(i), new long[2]);
                action.append(name);
                arm.append(arms.get(i));
                users.append(cell[0]);
                reported.append(a.path("arm_counts").path(arms.get(i)).asLong());
                target.append(e.path("shares").path(i).asDouble());
                observed.append(total == 0 ? Double.NaN : (double) cell[0] / total);
                treated.append(cell[1]);
            }
        }
        target.setPrintFormatter(Formats.percent(1));
        observed.setPrintFormatter(Formats.percent(1));
        return Table.create("assignment: users per arm (the first arm is the holdout and gets no action)", action, arm, users, reported,
                target, observed, treated);
    }

    /** Per action: users per risk band in each arm, the χ² p-value of arm × band, and the mean churn probability per arm. */
    public static Table balance(Artifacts art) {
        List<String> bands = new ArrayList<>();
        art.report(PathCatalog.CHURN_REPORT).path("risk_bands").path("names").forEach(n -> bands.add(n.asText()));
        return balance(art.report(PathCatalog.DECISIONS_REPORT), bands);
    }

    /** @param bands the risk band names in increasing risk, as churn.json lists them */
    static Table balance(JsonNode decisions, List<String> bands) {
        JsonNode e = decisions.path("experiment");
        List<String> arms = arms(e);
        StringColumn action = StringColumn.create("action");
        StringColumn arm = StringColumn.create("arm");
        List<LongColumn> byBand = new ArrayList<>();
        for (String b : bands) byBand.add(LongColumn.create(b));
        DoubleColumn meanP = DoubleColumn.create("mean p_churn");
        StringColumn pValue = StringColumn.create("χ² p-value (arm × band)");
        for (JsonNode a : e.path("by_action")) {
            JsonNode bal = a.path("balance_by_risk_band");
            for (String armName : arms) {
                action.append(a.path("action").asText());
                arm.append(armName);
                for (int i = 0; i < bands.size(); i++) byBand.get(i).append(bal.path("counts").path(armName).path(bands.get(i)).asLong());
                meanP.append(ReportValues.value(bal.path("mean_p_churn").path(armName)));
                pValue.append(bal.path("p_value").isNumber() ? format(bal.path("p_value").asDouble(), 3) : NONE + " (one band only)");
            }
        }
        meanP.setPrintFormatter(Formats.grouped(3));
        Table t = Table.create("balance of the arms across risk bands (decisions.json)", action, arm);
        byBand.forEach(t::addColumns);
        return t.addColumns(meanP, pValue);
    }

    /**
     * On synthetic data: the simulated readout per action (outcomes drawn from the true probabilities with the assumed
     * effects planted in the treated arm), analysed as a real one. Empty when the report has none.
     */
    public static Table readout(Artifacts art) {
        return readout(art.report(PathCatalog.DECISIONS_REPORT));
    }

    static Table readout(JsonNode decisions) {
        JsonNode r = decisions.path("simulated_readout");
        StringColumn action = StringColumn.create("action");
        StringColumn users = StringColumn.create("control / treated");
        DoubleColumn control = DoubleColumn.create("control retention");
        DoubleColumn treated = DoubleColumn.create("treated retention");
        StringColumn lift = StringColumn.create("lift [95% interval]");
        DoubleColumn p = DoubleColumn.create("p-value");
        StringColumn planted = StringColumn.create("planted lift");
        BooleanColumn covers = BooleanColumn.create("interval covers planted");
        for (JsonNode a : r.path("by_action")) {
            action.append(a.path("action").asText());
            users.append(a.path("control_users").asLong() + " / " + a.path("treated_users").asLong());
            control.append(ReportValues.value(a.path("control_retention")));
            treated.append(ReportValues.value(a.path("treated_retention")));
            lift.append(interval(a.path("lift"), 3));
            p.append(ReportValues.value(a.path("p_value")));
            planted.append(format(a.path("planted_lift").asDouble(), 3));
            covers.append(a.path("planted_lift_in_interval").asBoolean());
        }
        control.setPrintFormatter(Formats.grouped(3));
        treated.setPrintFormatter(Formats.grouped(3));
        p.setPrintFormatter(Formats.grouped(4));
        return Table.create("simulated readout (synthetic data only; decisions.json)", action, users, control, treated, lift, p, planted, covers);
    }

    /** What the simulated readout shows, or the report's note on why there is none. */
    public static String readoutVerdict(Artifacts art) {
        return readoutVerdict(art.report(PathCatalog.DECISIONS_REPORT));
    }

    static String readoutVerdict(JsonNode decisions) {
        JsonNode r = decisions.path("simulated_readout");
        if (!r.isObject()) {
            String note = decisions.path("simulated_readout_note").asText("");
            return "No simulated readout" + (note.isBlank() ? "." : ": " + note);
        }
        List<String> significant = new ArrayList<>();
        for (JsonNode a : r.path("by_action")) if (ReportValues.sign(a.path("lift")) != 0) significant.add(a.path("action").asText());
        int analysed = r.path("actions_analysed").asInt();
        String s = String.format(Locale.ROOT, "%d of %d actions' intervals cover the planted lift (the check that the analysis is honest). "
                        + "Lifts distinguishable from zero: %s.", r.path("actions_covering_planted_lift").asInt(), analysed,
                significant.isEmpty() ? "none" : String.join(", ", significant));
        return significant.size() < analysed
                ? s + " The other intervals include zero although an effect was planted: what an under-powered holdout reads like."
                : s;
    }
}
