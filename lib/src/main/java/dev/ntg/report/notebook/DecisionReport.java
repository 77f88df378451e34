package dev.ntg.report.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ntg.io.PathCatalog;
import dev.ntg.io.Sql;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.ntg.report.notebook.ReportValues.format;
import static dev.ntg.report.notebook.ReportValues.interval;

/**
 * The retention plan as a notebook shows it (notebook 06): the ASSUMED action effects and the value model first, then
 * value at risk, who gets which action under the budget, the budget curve and the sensitivity to the assumptions. Report
 * values are shown as {@code plan-retention} wrote them; sums over its Parquet files appear only as labelled cross-checks,
 * and counts by risk band or segment only where the report does not break them down.
 */
public final class DecisionReport {
    /** The dimensions {@link #whoGetsWhat} can break the users down by: columns of value_at_risk.parquet. */
    public static final List<String> DIMENSIONS = List.of("risk_band", "segment");
    static final String NO_ACTION = "no action";

    private DecisionReport() {
    }

    /** The report's own statement of what is assumed and what is measured. */
    public static String assumptions(Artifacts art) {
        return art.report(PathCatalog.DECISIONS_REPORT).path("assumptions").asText();
    }

    /**
     * The action catalogue this run planned with, from the stage's effective config: cost, the ASSUMED effect written as
     * what it does to a user's churn probability p, who is eligible, the capacity; plus how many users were eligible.
     */
    public static Table actions(Artifacts art) {
        return actions(art.stageManifest(PathCatalog.RETENTION_PLAN).config().path("decisions").path("actions"),
                art.report(PathCatalog.DECISIONS_REPORT));
    }

    static Table actions(JsonNode configured, JsonNode decisions) {
        Map<String, JsonNode> planned = byAction(decisions.path("plan").path("by_action"));
        StringColumn action = StringColumn.create("action");
        DoubleColumn cost = DoubleColumn.create("cost per user");
        StringColumn effect = StringColumn.create("ASSUMED effect on p");
        StringColumn bands = StringColumn.create("eligible risk bands");
        StringColumn segments = StringColumn.create("eligible segments");
        LongColumn capacity = LongColumn.create("capacity");
        LongColumn eligible = LongColumn.create("eligible users");
        for (JsonNode a : configured) {
            String name = a.path("name").asText();
            action.append(name);
            cost.append(a.path("cost").asDouble());
            effect.append(effect(a.path("effect_type").asText(), a.path("effect").asDouble()));
            bands.append(listOrAll(a.path("bands")));
            segments.append(listOrAll(a.path("segments")));
            capacity.append(a.path("capacity").asLong());
            JsonNode p = planned.get(name);
            if (p == null) eligible.appendMissing();
            else eligible.append(p.path("eligible_users").asLong());
        }
        cost.setPrintFormatter(Formats.grouped(2));
        return Table.create("actions and their ASSUMED effects (decisions.* in outputs/decisions/_manifest.json)", action, cost, effect,
                bands, segments, capacity, eligible);
    }

    /** What an effect does to this period's churn probability p, in the config's terms. */
    static String effect(String type, double effect) {
        return switch (type) {
            case "multiplier" -> String.format(Locale.ROOT, "p' = %s × p (%s%% less churn)", trim(effect), trim(100 * (1 - effect)));
            case "absolute" -> String.format(Locale.ROOT, "p' = max(0, p − %s)", trim(effect));
            default -> type + " " + trim(effect);
        };
    }

    private static String trim(double v) {
        return new BigDecimal(String.format(Locale.ROOT, "%.6f", v)).stripTrailingZeros().toPlainString();
    }

    private static String listOrAll(JsonNode list) {
        if (list.isEmpty()) return "all";
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asText()));
        return String.join(", ", out);
    }

    /** The value model's settings and the budget constraints, as the report records them. */
    public static Table valueModel(Artifacts art) {
        return valueModel(art.report(PathCatalog.DECISIONS_REPORT));
    }

    static Table valueModel(JsonNode decisions) {
        JsonNode v = decisions.path("value_model");
        JsonNode plan = decisions.path("plan");
        StringColumn setting = StringColumn.create("setting");
        StringColumn value = StringColumn.create("value");
        StringColumn meaning = StringColumn.create("meaning");
        add(setting, value, meaning, "period", v.path("period_days").asInt() + " days", "one period = churn.horizon_days, the churn model's horizon");
        add(setting, value, meaning, "price per period", format(v.path("price_per_period").asDouble(), 2), "revenue per user per period");
        add(setting, value, meaning, "margin", format(v.path("margin").asDouble(), 2), "share of revenue that is contribution");
        add(setting, value, meaning, "horizon", v.path("horizon_periods").asInt() + " periods", "remaining lifetime is counted over at most this many periods");
        add(setting, value, meaning, "budget", format(plan.path("budget").asDouble(), 2), "total spend the plan may use");
        add(setting, value, meaning, "min ROI", format(plan.path("min_roi").asDouble(), 2), "a (user, action) pair is kept only when net / cost reaches this");
        return Table.create("value model and budget (decisions.json)", setting, value, meaning);
    }

    private static void add(StringColumn a, StringColumn b, StringColumn c, String x, String y, String z) {
        a.append(x);
        b.append(y);
        c.append(z);
    }

    /** The value model's formula, verbatim from the report. */
    public static String valueFormula(Artifacts art) {
        return art.report(PathCatalog.DECISIONS_REPORT).path("value_model").path("formula").asText();
    }

    /**
     * Value, value at risk and revenue at risk over all planned-for users with the report's bootstrap intervals, and as a
     * labelled cross-check the plain sums over {@code value_at_risk.parquet}, which must equal the estimates.
     */
    public static Table totals(Artifacts art) {
        Table sums = art.query("SELECT sum(value) AS value, sum(value_at_risk) AS value_at_risk, sum(revenue_at_risk) AS revenue_at_risk FROM "
                + art.parquet(PathCatalog.VALUE_AT_RISK), "sums");
        Map<String, Double> perFile = new HashMap<>();
        for (String c : sums.columnNames()) perFile.put(c, sums.doubleColumn(c).get(0));
        return totals(art.report(PathCatalog.DECISIONS_REPORT), perFile);
    }

    static Table totals(JsonNode decisions, Map<String, Double> sums) {
        JsonNode t = decisions.path("totals");
        StringColumn quantity = StringColumn.create("quantity");
        StringColumn estimate = StringColumn.create("estimate [95% interval]");
        DoubleColumn fileSum = DoubleColumn.create("cross-check: sum over value_at_risk.parquet");
        BooleanColumn agrees = BooleanColumn.create("agrees");
        for (String[] q : new String[][]{{"value", "expected remaining value (margin)"}, {"value_at_risk", "value at risk (margin churn removes)"},
                {"revenue_at_risk", "revenue at risk"}}) {
            quantity.append(q[1]);
            estimate.append(interval(t.path(q[0]), 1));
            double sum = sums.getOrDefault(q[0], Double.NaN);
            fileSum.append(sum);
            double reported = ReportValues.value(t.path(q[0]).path("estimate"));
            agrees.append(Math.abs(sum - reported) <= 1e-6 * Math.max(1, Math.abs(reported)));
        }
        fileSum.setPrintFormatter(Formats.grouped(1));
        return Table.create("value totals over " + decisions.path("population").path("users").asLong() + " users ("
                + t.path("interval").asText() + ")", quantity, estimate, fileSum, agrees);
    }

    /** Value at risk by risk band and segment, from {@code value_at_risk.parquet} (the report gives totals only). */
    public static Table valueAtRisk(Artifacts art) {
        Table t = art.query("SELECT risk_band AS \"risk band\", segment, count(*) AS users, avg(p_churn) AS \"mean p_churn\", "
                + "sum(value) AS value, sum(value_at_risk) AS \"value at risk\", sum(value_at_risk) / sum(sum(value_at_risk)) OVER () AS \"share of value at risk\" "
                + "FROM " + art.parquet(PathCatalog.VALUE_AT_RISK) + " GROUP BY risk_band, segment "
                // bands in increasing risk (their lowest p), then segments by name
                + "ORDER BY min(min(p_churn)) OVER (PARTITION BY risk_band), segment", "value at risk by risk band and segment (value_at_risk.parquet)");
        t.doubleColumn("mean p_churn").setPrintFormatter(Formats.grouped(3));
        t.doubleColumn("value").setPrintFormatter(Formats.grouped(1));
        t.doubleColumn("value at risk").setPrintFormatter(Formats.grouped(1));
        t.doubleColumn("share of value at risk").setPrintFormatter(Formats.percent(1));
        return t;
    }

    /**
     * The plan per action as the report states it (users, spend, expected saved and net value, ROI) with a total row, and
     * as a labelled cross-check the users per action in {@code plan.parquet}.
     */
    public static Table plan(Artifacts art) {
        Table counts = art.query("SELECT action, count(*) AS users FROM " + art.parquet(PathCatalog.RETENTION_PLAN) + " GROUP BY action", "plan users");
        Map<String, Long> perFile = new HashMap<>();
        for (Row r : counts) perFile.put(r.getString("action"), r.getLong("users"));
        return plan(art.report(PathCatalog.DECISIONS_REPORT), perFile);
    }

    static Table plan(JsonNode decisions, Map<String, Long> usersInFile) {
        JsonNode plan = decisions.path("plan");
        StringColumn action = StringColumn.create("action");
        LongColumn eligible = LongColumn.create("eligible");
        LongColumn users = LongColumn.create("planned users");
        DoubleColumn spend = DoubleColumn.create("spend");
        DoubleColumn saved = DoubleColumn.create("expected saved value");
        DoubleColumn net = DoubleColumn.create("expected net value");
        DoubleColumn roi = DoubleColumn.create("ROI");
        LongColumn inFile = LongColumn.create("cross-check: users in plan.parquet");
        long fileTotal = 0;
        for (JsonNode a : plan.path("by_action")) {
            String name = a.path("action").asText();
            action.append(name);
            eligible.append(a.path("eligible_users").asLong());
            users.append(a.path("users").asLong());
            spend.append(a.path("spend").asDouble());
            saved.append(a.path("expected_saved_value").asDouble());
            net.append(a.path("expected_net_value").asDouble());
            roi.append(ReportValues.value(a.path("roi")));
            long n = usersInFile.getOrDefault(name, 0L);
            inFile.append(n);
            fileTotal += n;
        }
        action.append("whole plan");
        eligible.append(decisions.path("population").path("users").asLong());
        users.append(plan.path("users").asLong());
        spend.append(plan.path("spend").asDouble());
        saved.append(plan.path("expected_saved_value").asDouble());
        net.append(plan.path("expected_net_value").asDouble());
        roi.append(ReportValues.value(plan.path("roi")));
        inFile.append(fileTotal);
        for (DoubleColumn c : List.of(spend, saved, net)) c.setPrintFormatter(Formats.grouped(1));
        roi.setPrintFormatter(Formats.grouped(2));
        return Table.create("the plan under a budget of " + format(plan.path("budget").asDouble(), 0) + " (decisions.json)", action, eligible,
                users, spend, saved, net, roi, inFile);
    }

    /**
     * Who gets which action: users by action (and "no action") against a {@link #DIMENSIONS dimension}, over every user
     * planned for, from {@code plan.parquet} joined to {@code value_at_risk.parquet}.
     */
    public static Table whoGetsWhat(Artifacts art, String dimension) {
        if (!DIMENSIONS.contains(dimension)) {
            throw new IllegalArgumentException("no dimension " + dimension + ": use one of " + DIMENSIONS);
        }
        String dim = Sql.ident(dimension);
        Table counts = art.query("SELECT coalesce(p.action, " + Sql.literal(NO_ACTION) + ") AS action, v." + dim + " AS level, count(*) AS users FROM "
                + art.parquet(PathCatalog.VALUE_AT_RISK) + " v LEFT JOIN " + art.parquet(PathCatalog.RETENTION_PLAN)
                + " p USING (user_id) GROUP BY ALL", "users by action and " + dimension);
        Table levels = art.query("SELECT " + dim + " AS level FROM " + art.parquet(PathCatalog.VALUE_AT_RISK) + " GROUP BY level ORDER BY "
                + (dimension.equals("risk_band") ? "min(p_churn), " : "") + "level",
                "levels");
        List<String> actions = new ArrayList<>();
        art.report(PathCatalog.DECISIONS_REPORT).path("plan").path("by_action").forEach(a -> actions.add(a.path("action").asText()));
        actions.add(NO_ACTION);
        return crossTab(counts, actions, levels.stringColumn("level").asList(), "users by action and " + dimension.replace('_', ' '));
    }

    /** A (action, level, users) table as rows of actions and columns of levels, in the given orders, with totals. */
    static Table crossTab(Table counts, List<String> actions, List<String> levels, String title) {
        Map<String, Long> cell = new HashMap<>();
        for (Row r : counts) cell.put(r.getString("action") + "\u0000" + r.getString("level"), r.getLong("users"));
        StringColumn action = StringColumn.create("action", actions);
        Table t = Table.create(title, action);
        long[] rowTotals = new long[actions.size()];
        for (String level : levels) {
            LongColumn c = LongColumn.create(level);
            for (int i = 0; i < actions.size(); i++) {
                long n = cell.getOrDefault(actions.get(i) + "\u0000" + level, 0L);
                c.append(n);
                rowTotals[i] += n;
            }
            t.addColumns(c);
        }
        return t.addColumns(LongColumn.create("all", rowTotals));
    }

    /** The first {@code n} users of the plan in the planner's priority order: what one decision looks like. */
    public static Table topOfPlan(Artifacts art, int n) {
        Table t = art.query("SELECT user_id, action, risk_band, segment, p_churn, p_after, expected_saved_value, cost, net_value, roi FROM "
                + art.parquet(PathCatalog.RETENTION_PLAN) + " ORDER BY priority, user_id LIMIT " + Math.max(0, n), "first " + n + " decisions of the plan");
        for (String c : List.of("p_churn", "p_after")) t.doubleColumn(c).setPrintFormatter(Formats.grouped(3));
        for (String c : List.of("expected_saved_value", "cost", "net_value", "roi")) t.doubleColumn(c).setPrintFormatter(Formats.grouped(2));
        return t;
    }

    /** The report's budget curve, with the net value each step of budget adds over the previous point. */
    public static Table budgetCurve(Artifacts art) {
        return budgetCurve(art.report(PathCatalog.DECISIONS_REPORT));
    }

    static Table budgetCurve(JsonNode decisions) {
        DoubleColumn budget = DoubleColumn.create("budget");
        DoubleColumn spend = DoubleColumn.create("spend");
        LongColumn users = LongColumn.create("users");
        DoubleColumn net = DoubleColumn.create("expected net value");
        DoubleColumn marginal = DoubleColumn.create("net added per unit of extra budget");
        double prevBudget = 0;
        double prevNet = 0;
        for (JsonNode b : decisions.path("budget_curve")) {
            double bu = b.path("budget").asDouble();
            double nv = b.path("expected_net_value").asDouble();
            budget.append(bu);
            spend.append(b.path("spend").asDouble());
            users.append(b.path("users").asLong());
            net.append(nv);
            marginal.append(bu > prevBudget ? (nv - prevNet) / (bu - prevBudget) : Double.NaN);
            prevBudget = bu;
            prevNet = nv;
        }
        for (DoubleColumn c : List.of(budget, spend, net)) c.setPrintFormatter(Formats.grouped(1));
        marginal.setPrintFormatter(Formats.grouped(3));
        return Table.create("budget curve: the plan re-optimised at each budget (decisions.json)", budget, spend, users, net, marginal);
    }

    /** Where the configured budget sits on the curve, and what the largest budget tried would add. */
    public static String budgetVerdict(Artifacts art) {
        return budgetVerdict(art.report(PathCatalog.DECISIONS_REPORT));
    }

    static String budgetVerdict(JsonNode decisions) {
        JsonNode plan = decisions.path("plan");
        JsonNode curve = decisions.path("budget_curve");
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "At the configured budget of %s the plan spends %s on %,d users for an expected "
                        + "net value of %s (ROI %s).", format(plan.path("budget").asDouble(), 0), format(plan.path("spend").asDouble(), 1),
                plan.path("users").asLong(), format(plan.path("expected_net_value").asDouble(), 1), format(plan.path("roi").asDouble(), 2)));
        if (!curve.isEmpty()) {
            JsonNode last = curve.get(curve.size() - 1);
            double extraSpend = last.path("spend").asDouble() - plan.path("spend").asDouble();
            double extraNet = last.path("expected_net_value").asDouble() - plan.path("expected_net_value").asDouble();
            s.append(String.format(Locale.ROOT, " With a budget of %s it would spend %s (%s more) for %s more net value", format(last.path("budget").asDouble(), 0),
                    format(last.path("spend").asDouble(), 1), format(extraSpend, 1), format(extraNet, 1)));
            s.append(last.path("spend").asDouble() < last.path("budget").asDouble() - 0.5
                    ? ": part of that budget stays unspent, because capacities and the ROI gate leave no more pairs worth buying."
                    : ".");
        }
        s.append(" Every value here rests on the assumed effects.");
        return s.toString();
    }

    /** The plan re-optimised with every effect scaled, next to the base plan kept as it is at that scale. */
    public static Table sensitivity(Artifacts art) {
        return sensitivity(art.report(PathCatalog.DECISIONS_REPORT));
    }

    static Table sensitivity(JsonNode decisions) {
        DoubleColumn scale = DoubleColumn.create("effects scaled by");
        LongColumn users = LongColumn.create("users");
        DoubleColumn spend = DoubleColumn.create("spend");
        DoubleColumn net = DoubleColumn.create("net value, re-optimised");
        DoubleColumn roi = DoubleColumn.create("ROI, re-optimised");
        DoubleColumn base = DoubleColumn.create("net value, base plan kept");
        DoubleColumn kept = DoubleColumn.create("base plan decisions kept");
        for (JsonNode s : decisions.path("sensitivity")) {
            scale.append(s.path("effect_scale").asDouble());
            users.append(s.path("users").asLong());
            spend.append(s.path("spend").asDouble());
            net.append(s.path("expected_net_value").asDouble());
            roi.append(ReportValues.value(s.path("roi")));
            base.append(s.path("base_plan_net_value_at_this_scale").asDouble());
            kept.append(s.path("plan_kept_share").asDouble());
        }
        scale.setPrintFormatter(Formats.grouped(2));
        for (DoubleColumn c : List.of(spend, net, base)) c.setPrintFormatter(Formats.grouped(1));
        roi.setPrintFormatter(Formats.grouped(2));
        kept.setPrintFormatter(Formats.percent(1));
        return Table.create("sensitivity to the ASSUMED effects (decisions.json)", scale, users, spend, net, roi, base, kept);
    }

    /** Per action: how many users the base plan gives it and the share that keeps that action at every effect scale. */
    public static Table robustness(Artifacts art) {
        return robustness(art.report(PathCatalog.DECISIONS_REPORT));
    }

    static Table robustness(JsonNode decisions) {
        JsonNode kept = decisions.path("robustness").path("kept_at_every_scale_by_action");
        StringColumn action = StringColumn.create("action");
        LongColumn users = LongColumn.create("planned users");
        DoubleColumn share = DoubleColumn.create("kept at every scale");
        for (JsonNode a : decisions.path("plan").path("by_action")) {
            String name = a.path("action").asText();
            action.append(name);
            users.append(a.path("users").asLong());
            share.append(ReportValues.value(kept.path(name)));
        }
        share.setPrintFormatter(Formats.percent(1));
        return Table.create("robustness: " + decisions.path("robustness").path("definition").asText(), action, users, share);
    }

    /** What happens to the plan's value when the effects are smaller than assumed, and which actions are fragile. */
    public static String sensitivityVerdict(Artifacts art) {
        return sensitivityVerdict(art.report(PathCatalog.DECISIONS_REPORT));
    }

    static String sensitivityVerdict(JsonNode decisions) {
        JsonNode smallest = null;
        for (JsonNode s : decisions.path("sensitivity")) {
            if (smallest == null || s.path("effect_scale").asDouble() < smallest.path("effect_scale").asDouble()) smallest = s;
        }
        StringBuilder out = new StringBuilder();
        if (smallest != null) {
            double scale = smallest.path("effect_scale").asDouble();
            double base = smallest.path("base_plan_net_value_at_this_scale").asDouble();
            out.append(String.format(Locale.ROOT, "If every effect is %s× the assumed size, the plan as it stands nets %s (%s if re-optimised) "
                            + "instead of %s", format(scale, 2), format(base, 1), format(smallest.path("expected_net_value").asDouble(), 1),
                    format(decisions.path("plan").path("expected_net_value").asDouble(), 1)));
            out.append(base < 0 ? ": it would lose money. " : ". ");
        }
        List<String> fragile = new ArrayList<>();
        List<String> robust = new ArrayList<>();
        JsonNode kept = decisions.path("robustness").path("kept_at_every_scale_by_action");
        for (JsonNode a : decisions.path("plan").path("by_action")) {
            if (a.path("users").asLong() == 0) continue;
            String name = a.path("action").asText();
            double k = ReportValues.value(kept.path(name));
            String item = String.format(Locale.ROOT, "%s (%.0f%%)", name, 100 * k);
            (k >= 0.5 ? robust : fragile).add(item);
        }
        if (!robust.isEmpty()) out.append("Decisions that mostly survive every scale: ").append(String.join(", ", robust)).append(". ");
        if (!fragile.isEmpty()) {
            out.append("Decisions that mostly do not: ").append(String.join(", ", fragile))
                    .append(": measure these actions before scaling them up.");
        }
        return out.toString().strip();
    }

    /** What the stage read and why TEST outcomes cannot have shaped the plan, in the report's words. */
    public static String leakage(Artifacts art) {
        JsonNode l = art.report(PathCatalog.DECISIONS_REPORT).path("leakage");
        return "Inputs: " + l.path("inputs").asText() + ". Rule: " + l.path("rule").asText() + ".";
    }

    static Map<String, JsonNode> byAction(JsonNode list) {
        Map<String, JsonNode> m = new HashMap<>();
        list.forEach(a -> m.put(a.path("action").asText(), a));
        return m;
    }
}
