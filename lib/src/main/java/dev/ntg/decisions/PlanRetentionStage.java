package dev.ntg.decisions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.NtgException;
import dev.ntg.churn.RiskBands;
import dev.ntg.data.synthetic.PlantedChurn;
import dev.ntg.config.DecisionsConfig;
import dev.ntg.config.DecisionsConfig.Action;
import dev.ntg.config.NtgConfig;
import dev.ntg.eval.Bootstrap;
import dev.ntg.eval.Interval;
import dev.ntg.io.Artifact;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Json;
import dev.ntg.report.Reports;
import dev.ntg.run.Stage;
import dev.ntg.run.StageContext;
import dev.ntg.run.TrainView;
import org.duckdb.DuckDBAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static dev.ntg.io.PathCatalog.*;

/**
 * Stage 07 ({@code ntg plan-retention}): value at risk per user, a retention plan under a budget with its budget curve
 * and sensitivity to the assumed effects, the randomized holdout of each action (assignment, power, minimum detectable
 * effect, balance, sample-ratio check) and, on synthetic data, a simulated readout. See the package documentation.
 */
public final class PlanRetentionStage implements Stage {
    private static final Logger LOG = LoggerFactory.getLogger(PlanRetentionStage.class);
    static final String ASSUMPTION = "Every action's effect on churn is an ASSUMPTION written in the config (decisions.actions[*].effect), "
            + "not an estimate from data: expected saved value, net value and ROI are only as good as these assumptions. The sensitivity "
            + "section shows which decisions survive smaller or larger effects; the experiment below is how to measure them.";

    @Override
    public String name() {
        return "plan-retention";
    }

    @Override
    public String description() {
        return "Value at risk, a retention plan under a budget with ROI, its sensitivity, and the experiment design for the campaigns.";
    }

    @Override
    public String manifestDir() {
        return "outputs/decisions";
    }

    @Override
    public List<Artifact> inputs(NtgConfig config) {
        List<Artifact> in = new ArrayList<>(List.of(LATEST_CHURN_SCORES, USER_FEATURES));
        if (synthetic(config)) in.addAll(List.of(TRAIN, VAL, SPLIT_MANIFEST, TRUTH_USERS, TRUTH_MANIFEST));
        return in;
    }

    private static boolean synthetic(NtgConfig config) {
        return config.dataset().source().equals("synthetic");
    }

    @Override
    public List<Artifact> outputs(NtgConfig config) {
        return List.of(VALUE_AT_RISK, RETENTION_PLAN, ASSIGNMENT, DECISIONS_REPORT);
    }

    @Override
    public List<String> configSections() {
        return List.of("project", "dataset", "churn", "decisions");
    }

    /** The users planned for: TEST-cutoff scores, in user-id order. */
    record Population(List<String> users, double[] p, String[] band, String[] segment, Instant cutoff) {
        int size() {
            return users.size();
        }
    }

    @Override
    public void run(StageContext ctx) {
        DecisionsConfig dc = ctx.config().decisions();
        long seed = ctx.config().project().seed();
        DuckSession duck = ctx.duck();
        long t0 = System.nanoTime();
        int horizonDays = ctx.config().churn().horizonDays();
        List<String> bandNames = RiskBands.names(ctx.config().churn().riskBands().size());
        for (int i = 0; i < dc.actions().size(); i++) {
            for (String b : dc.actions().get(i).bands()) {
                if (!bandNames.contains(b)) {
                    throw new NtgException("plan-retention: decisions.actions[" + i + "].bands: unknown risk band '" + b + "': the churn stage's "
                            + "bands (churn.risk_bands) are " + bandNames);
                }
            }
        }
        Population pop = load(duck, ctx.input(LATEST_CHURN_SCORES), ctx.input(USER_FEATURES));
        int n = pop.size();
        ValueModel vm = ValueModel.of(dc.value());
        List<Action> actions = dc.actions();

        // 1. Value per user.
        double[] value = new double[n], var = new double[n], rar = new double[n], periods = new double[n];
        for (int u = 0; u < n; u++) {
            periods[u] = vm.expectedPeriods(pop.p[u]);
            value[u] = vm.value(pop.p[u]);
            var[u] = vm.valueAtRisk(pop.p[u]);
            rar[u] = vm.revenueAtRisk(pop.p[u]);
        }
        writeValues(duck, pop, periods, value, var, rar, ctx.output(VALUE_AT_RISK));

        // 2. Plan under the budget, its budget curve and its sensitivity to the assumed effects.
        int[] capacity = actions.stream().mapToInt(Action::capacity).toArray();
        BudgetPlanner.Plan plan = BudgetPlanner.plan(candidates(pop, actions, vm, 1.0), capacity, dc.budget(), dc.minRoi());
        writePlan(duck, pop, actions, vm, plan, ctx.output(RETENTION_PLAN));
        double planSeconds = (System.nanoTime() - t0) / 1e9;

        // 3. Experiment: assignment of every planned user within their action's experiment.
        DecisionsConfig.Experiment ex = dc.experiment();
        HashAssignment hash = new HashAssignment(ex.salt(), ex.arms(), ex.shares());
        int[] arm = new int[n];
        double[] bucket = new double[n];
        java.util.Arrays.fill(arm, -1);
        for (int u = 0; u < n; u++) {
            if (plan.action()[u] < 0) continue;
            String expId = experimentId(ex, actions.get(plan.action()[u]));
            bucket[u] = hash.bucket(expId, pop.users.get(u));
            arm[u] = hash.armOf(bucket[u]);
        }
        writeAssignment(duck, pop, actions, ex, plan, bucket, arm, ctx.output(ASSIGNMENT));

        // 4. Simulated readout on the synthetic service (true churn probabilities at the same cutoff).
        double[] truth = null;
        if (synthetic(ctx.config())) {
            PlantedChurn planted = PlantedChurn.load(duck, ctx.input(TRUTH_USERS), ctx.input(TRUTH_MANIFEST));
            TrainView history = ctx.scoringHistoryBefore(pop.cutoff == null ? Instant.EPOCH : pop.cutoff);
            truth = planted.probabilities(duck, history.relation(), pop.cutoff == null ? Instant.EPOCH : pop.cutoff, horizonDays, pop.users);
        }

        ObjectNode report = report(ctx.config(), dc, vm, horizonDays, bandNames, pop, value, var, rar, plan, actions, capacity, arm,
                truth, seed);
        Reports.write(ctx, DECISIONS_REPORT, "decisions_report.schema.json", report);

        ctx.metric("users_scored", n);
        ctx.metric("users_planned", plan.users());
        ctx.metric("spend", round(plan.spend(), 2));
        ctx.metric("expected_net_value", round(plan.net(), 2));
        ctx.metric("plan_seconds", round(planSeconds, 3));
        ctx.metric("total_seconds", round((System.nanoTime() - t0) / 1e9, 3));
        LOG.info("{}: {} of {} users planned, spend {} of {}, expected net value {}", name(), plan.users(), n, round(plan.spend(), 2),
                dc.budget(), round(plan.net(), 2));
    }

    static String experimentId(DecisionsConfig.Experiment ex, Action a) {
        return ex.id() + "/" + a.name();
    }

    private static Population load(DuckSession duck, Path scores, Path features) {
        List<String> users = new ArrayList<>();
        List<Double> p = new ArrayList<>();
        List<String> band = new ArrayList<>(), seg = new ArrayList<>();
        Instant[] cutoff = {null};
        duck.forEach("SELECT s.user_id, epoch_us(s.cutoff), s.p_calibrated, s.risk_band, "
                + "CASE WHEN f.user_id IS NULL THEN 'new' WHEN f.is_power_user THEN 'power' ELSE 'regular' END FROM "
                + DuckSession.parquet(scores) + " s LEFT JOIN (SELECT user_id, is_power_user FROM " + DuckSession.parquet(features)
                + ") f ON s.user_id = f.user_id ORDER BY s.user_id", rs -> {
            users.add(rs.getString(1));
            cutoff[0] = Instant.EPOCH.plus(rs.getLong(2), java.time.temporal.ChronoUnit.MICROS);
            p.add(rs.getDouble(3));
            band.add(rs.getString(4));
            seg.add(rs.getString(5));
        });
        return new Population(users, p.stream().mapToDouble(Double::doubleValue).toArray(), band.toArray(String[]::new),
                seg.toArray(String[]::new), cutoff[0]);
    }

    /** Eligible actions per user with their saved value, effects scaled by {@code scale}. */
    static List<List<BudgetPlanner.Candidate>> candidates(Population pop, List<Action> actions, ValueModel vm, double scale) {
        List<List<BudgetPlanner.Candidate>> out = new ArrayList<>(pop.size());
        for (int u = 0; u < pop.size(); u++) {
            List<BudgetPlanner.Candidate> cs = new ArrayList<>();
            for (int a = 0; a < actions.size(); a++) {
                Action act = actions.get(a);
                if (!act.eligible(pop.band[u], pop.segment[u])) continue;
                cs.add(new BudgetPlanner.Candidate(a, act.cost(), vm.saved(pop.p[u], act.after(pop.p[u], scale))));
            }
            out.add(cs);
        }
        return out;
    }

    private static void writeValues(DuckSession duck, Population pop, double[] periods, double[] value, double[] var, double[] rar, Path target) {
        duck.execute("CREATE OR REPLACE TABLE dec_values (user_id VARCHAR, risk_band VARCHAR, segment VARCHAR, p_churn DOUBLE, "
                + "expected_periods DOUBLE, value DOUBLE, value_at_risk DOUBLE, revenue_at_risk DOUBLE)");
        try (DuckDBAppender app = duck.appender("dec_values")) {
            for (int u = 0; u < pop.size(); u++) {
                app.beginRow().append(pop.users.get(u)).append(pop.band[u]).append(pop.segment[u]).append(pop.p[u]).append(periods[u])
                        .append(value[u]).append(var[u]).append(rar[u]).endRow();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        duck.copyToParquet("SELECT * FROM dec_values ORDER BY user_id", target);
        duck.execute("DROP TABLE dec_values");
    }

    private static void writePlan(DuckSession duck, Population pop, List<Action> actions, ValueModel vm, BudgetPlanner.Plan plan, Path target) {
        duck.execute("CREATE OR REPLACE TABLE dec_plan (user_id VARCHAR, action VARCHAR, risk_band VARCHAR, segment VARCHAR, p_churn DOUBLE, "
                + "p_after DOUBLE, expected_saved_value DOUBLE, cost DOUBLE, net_value DOUBLE, roi DOUBLE, priority INTEGER)");
        try (DuckDBAppender app = duck.appender("dec_plan")) {
            for (int u = 0; u < pop.size(); u++) {
                int a = plan.action()[u];
                if (a < 0) continue;
                double net = plan.saved()[u] - plan.cost()[u];
                app.beginRow().append(pop.users.get(u)).append(actions.get(a).name()).append(pop.band[u]).append(pop.segment[u])
                        .append(pop.p[u]).append(actions.get(a).after(pop.p[u], 1.0)).append(plan.saved()[u]).append(plan.cost()[u])
                        .append(net);
                if (plan.cost()[u] > 0) app.append(net / plan.cost()[u]);
                else app.appendNull();
                app.append(plan.acceptedAt()[u]).endRow();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        duck.copyToParquet("SELECT * FROM dec_plan ORDER BY user_id", target);
        duck.execute("DROP TABLE dec_plan");
    }

    private static void writeAssignment(DuckSession duck, Population pop, List<Action> actions, DecisionsConfig.Experiment ex,
                                        BudgetPlanner.Plan plan, double[] bucket, int[] arm, Path target) {
        duck.execute("CREATE OR REPLACE TABLE dec_assign (experiment_id VARCHAR, action VARCHAR, user_id VARCHAR, bucket DOUBLE, arm VARCHAR, "
                + "treated BOOLEAN, risk_band VARCHAR)");
        try (DuckDBAppender app = duck.appender("dec_assign")) {
            for (int u = 0; u < pop.size(); u++) {
                int a = plan.action()[u];
                if (a < 0) continue;
                app.beginRow().append(experimentId(ex, actions.get(a))).append(actions.get(a).name()).append(pop.users.get(u))
                        .append(bucket[u]).append(ex.arms().get(arm[u])).append(arm[u] > 0).append(pop.band[u]).endRow();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        duck.copyToParquet("SELECT * FROM dec_assign ORDER BY experiment_id, user_id", target);
        duck.execute("DROP TABLE dec_assign");
    }

    // ---------------------------------------------------------------- report

    private ObjectNode report(NtgConfig config, DecisionsConfig dc, ValueModel vm, int horizonDays, List<String> bandNames, Population pop,
                              double[] value, double[] var, double[] rar, BudgetPlanner.Plan plan, List<Action> actions, int[] capacity,
                              int[] arm, double[] truth, long seed) {
        ObjectNode r = Json.MAPPER.createObjectNode();
        r.put("report", "decisions");
        r.put("schema_version", 2);
        r.put("dataset_source", config.dataset().source());
        r.put("assumptions", ASSUMPTION);
        ObjectNode vmj = r.putObject("value_model");
        vmj.put("period_days", horizonDays);
        vmj.put("price_per_period", vm.price());
        vmj.put("margin", vm.margin());
        vmj.put("horizon_periods", vm.periods());
        vmj.put("formula", "p = calibrated P(churn within the next period of churn.horizon_days days); geometric churn with the same p each "
                + "period, lifetime capped at N periods, revenue earned at the end of each period survived. Expected remaining periods "
                + "E(p) = sum_{t=1..N} (1-p)^t; value = margin * price * E(p); periods if this one is survived L(p) = 1 + sum_{t=1..N-1} "
                + "(1-p)^t; value at risk = p * margin * price * L(p); revenue at risk = p * price * L(p). An action moves this period's p "
                + "to p' (later periods keep p): expected saved value = (p - p') * margin * price * L(p); net = saved - cost; ROI = net / cost.");
        ObjectNode popj = r.putObject("population");
        popj.put("who", "users scored at the latest cutoff (TEST rows of outputs/churn/scores.parquet), with p = p_calibrated; segments from "
                + "data/features/users.parquet (power, regular; new = not in TRAIN)");
        popj.put("cutoff", pop.cutoff == null ? null : pop.cutoff.toString());
        popj.put("users", pop.size());
        ObjectNode byBand = popj.putObject("users_by_band");
        for (String b : bandNames) byBand.put(b, IntStream.range(0, pop.size()).filter(u -> pop.band[u].equals(b)).count());

        Bootstrap boot = new Bootstrap(dc.bootstrapResamples(), seed, dc.confidence());
        ObjectNode totals = r.putObject("totals");
        totals.put("interval", "bootstrap percentile over users, " + dc.bootstrapResamples() + " resamples, level " + dc.confidence());
        totals.set("value", interval(sumInterval(boot, value)));
        totals.set("value_at_risk", interval(sumInterval(boot, var)));
        totals.set("revenue_at_risk", interval(sumInterval(boot, rar)));

        ObjectNode pj = r.putObject("plan");
        pj.put("budget", dc.budget());
        pj.put("min_roi", dc.minRoi());
        pj.put("optimizer", "multiple-choice knapsack, greedy on incremental net value per unit of cost over each user's concave hull of "
                + "gated actions (Sinha-Zoltners); capacities enforced; ties by user id, then action order");
        putPlanTotals(pj, plan);
        ArrayNode byAction = pj.putArray("by_action");
        for (int a = 0; a < actions.size(); a++) {
            Action act = actions.get(a);
            ObjectNode o = byAction.addObject();
            int fa = a;
            int[] users = IntStream.range(0, pop.size()).filter(u -> plan.action()[u] == fa).toArray();
            long eligible = IntStream.range(0, pop.size()).filter(u -> act.eligible(pop.band[u], pop.segment[u])).count();
            o.put("action", act.name());
            o.put("effect_type", act.effectType());
            o.put("assumed_effect", act.effect());
            o.put("unit_cost", act.cost());
            o.put("eligible_users", eligible);
            o.put("capacity", capacity[a]);
            o.put("users", users.length);
            double spend = 0, saved = 0;
            for (int u : users) {
                spend += plan.cost()[u];
                saved += plan.saved()[u];
            }
            o.put("spend", spend);
            o.put("expected_saved_value", saved);
            o.put("expected_net_value", saved - spend);
            num(o, "roi", spend > 0 ? (saved - spend) / spend : Double.NaN);
        }

        ArrayNode curve = r.putArray("budget_curve");
        int k = dc.budgetCurvePoints();
        List<List<BudgetPlanner.Candidate>> base = candidates(pop, actions, vm, 1.0);
        for (int i = 1; i <= k; i++) {
            double b = dc.budget() * i * 2.0 / k;
            BudgetPlanner.Plan bp = BudgetPlanner.plan(base, capacity, b, dc.minRoi());
            ObjectNode o = curve.addObject();
            o.put("budget", b);
            o.put("spend", bp.spend());
            o.put("expected_net_value", bp.net());
            o.put("users", bp.users());
        }

        ArrayNode sens = r.putArray("sensitivity");
        List<Double> scales = new ArrayList<>(dc.sensitivityScales());
        if (!scales.contains(1.0)) scales.add(1.0);
        scales.sort(Double::compare);
        Set<Integer> basePlanned = new HashSet<>();
        for (int u = 0; u < pop.size(); u++) if (plan.action()[u] >= 0) basePlanned.add(u);
        boolean[] keptEverywhere = new boolean[pop.size()];
        for (int u : basePlanned) keptEverywhere[u] = true;
        for (double s : scales) {
            BudgetPlanner.Plan sp = BudgetPlanner.plan(candidates(pop, actions, vm, s), capacity, dc.budget(), dc.minRoi());
            int same = 0;
            double baseUnder = 0;
            for (int u : basePlanned) {
                Action act = actions.get(plan.action()[u]);
                if (sp.action()[u] == plan.action()[u]) same++;
                else keptEverywhere[u] = false;
                baseUnder += vm.saved(pop.p[u], act.after(pop.p[u], s)) - act.cost();
            }
            ObjectNode o = sens.addObject();
            o.put("effect_scale", s);
            o.put("users", sp.users());
            o.put("spend", sp.spend());
            o.put("expected_net_value", sp.net());
            num(o, "roi", sp.roi());
            num(o, "plan_kept_share", basePlanned.isEmpty() ? Double.NaN : (double) same / basePlanned.size());
            o.put("base_plan_net_value_at_this_scale", baseUnder);
        }
        ObjectNode robust = r.putObject("robustness");
        robust.put("definition", "share of the base plan's users of each action who get the same action at every effect scale");
        ObjectNode rb = robust.putObject("kept_at_every_scale_by_action");
        for (int a = 0; a < actions.size(); a++) {
            int fa = a;
            long planned = basePlanned.stream().filter(u -> plan.action()[u] == fa).count();
            long kept = basePlanned.stream().filter(u -> plan.action()[u] == fa && keptEverywhere[u]).count();
            num(rb, actions.get(a).name(), planned == 0 ? Double.NaN : (double) kept / planned);
        }

        r.set("experiment", experiment(dc, pop, plan, actions, arm));
        r.set("simulated_readout", truth == null ? null : readout(dc, pop, plan, actions, arm, truth, seed));
        if (truth == null) r.put("simulated_readout_note", "only on the synthetic service, whose generator knows each user's true churn probability");

        ObjectNode leak = r.putObject("leakage");
        leak.put("inputs", "outputs/churn/scores.parquet (TEST rows: user_id, cutoff, p_calibrated, risk_band), outputs/reports/churn.json "
                + "(horizon, band names), data/features/users.parquet (segment, TRAIN-only); on synthetic data also the truth sidecar and "
                + "TRAIN + VAL events before the cutoff for the simulated readout");
        leak.put("rule", "the value model and the plan use only the calibrated probabilities the churn stage produced with TRAIN-fitted, "
                + "VAL-chosen models from history before the TEST cutoff; TEST outcomes (scores.churned) are never read, so rewriting the "
                + "TEST window leaves every output of this stage byte-identical");
        return r;
    }

    private static void putPlanTotals(ObjectNode o, BudgetPlanner.Plan plan) {
        o.put("users", plan.users());
        o.put("spend", plan.spend());
        o.put("expected_saved_value", plan.savedTotal());
        o.put("expected_net_value", plan.net());
        num(o, "roi", plan.roi());
    }

    private ObjectNode experiment(DecisionsConfig dc, Population pop, BudgetPlanner.Plan plan, List<Action> actions, int[] arm) {
        DecisionsConfig.Experiment ex = dc.experiment();
        ObjectNode e = Json.MAPPER.createObjectNode();
        e.put("id", ex.id());
        e.put("assignment", "per action a randomized holdout: SHA-256 of salt, experiment id (id/action) and user id -> bucket in [0, 1) "
                + "-> arm by cumulative shares; the first arm is the control (no action), the others get the action");
        e.put("salt", ex.salt());
        ArrayNode arms = e.putArray("arms");
        ex.arms().forEach(arms::add);
        ArrayNode shares = e.putArray("shares");
        ex.shares().forEach(shares::add);
        e.put("primary_metric", "retention at the churn horizon: share of users with an event within churn.horizon_days of the cutoff "
                + "(1 - churned), a proportion");
        e.put("alpha", ex.alpha());
        e.put("power", ex.power());
        e.put("sample_size_formula", "Fleiss, Levin & Paik (2003) eq. 4.14 without continuity correction (pooled variance under H0, unpooled "
                + "under H1), allocation ratio r = treated / control; two-sided; normal quantiles from Commons Math");
        e.put("srm_test", "chi-square goodness of fit of arm counts against the shares (Commons Math), alarm when p < " + ex.srmAlpha());
        e.put("balance_test", "chi-square independence of arm x risk band (Commons Math)");
        double shareControl = ex.shares().get(0);
        double ratio = (1 - shareControl) / shareControl;
        e.put("allocation_ratio_treated_to_control", ratio);
        ArrayNode by = e.putArray("by_action");
        long[] allArms = new long[ex.arms().size()];
        for (int a = 0; a < actions.size(); a++) {
            Action act = actions.get(a);
            int fa = a;
            int[] users = IntStream.range(0, pop.size()).filter(u -> plan.action()[u] == fa).toArray();
            ObjectNode o = by.addObject();
            o.put("action", act.name());
            o.put("experiment_id", experimentId(ex, act));
            long[] counts = new long[ex.arms().size()];
            List<String> bands = new ArrayList<>();
            for (int u : users) if (!bands.contains(pop.band[u])) bands.add(pop.band[u]);
            bands.sort(String::compareTo);
            long[][] armBand = new long[ex.arms().size()][Math.max(1, bands.size())];
            double[] sumP = new double[ex.arms().size()];
            double retC = 0, retT = 0;
            for (int u : users) {
                counts[arm[u]]++;
                allArms[arm[u]]++;
                armBand[arm[u]][bands.indexOf(pop.band[u])]++;
                sumP[arm[u]] += pop.p[u];
                retC += 1 - pop.p[u];
                retT += 1 - act.after(pop.p[u], 1.0);
            }
            ObjectNode c = o.putObject("arm_counts");
            for (int i = 0; i < counts.length; i++) c.put(ex.arms().get(i), counts[i]);
            o.put("users", users.length);
            double srm = SampleRatio.srmPValue(counts, ex.shares());
            num(o, "srm_p_value", srm);
            o.put("srm_alarm", Double.isFinite(srm) && srm < ex.srmAlpha());
            ObjectNode bal = o.putObject("balance_by_risk_band");
            ObjectNode table = bal.putObject("counts");
            for (int i = 0; i < counts.length; i++) {
                ObjectNode row = table.putObject(ex.arms().get(i));
                for (int j = 0; j < bands.size(); j++) row.put(bands.get(j), armBand[i][j]);
            }
            ObjectNode meanP = bal.putObject("mean_p_churn");
            for (int i = 0; i < counts.length; i++) num(meanP, ex.arms().get(i), counts[i] == 0 ? Double.NaN : sumP[i] / counts[i]);
            num(bal, "p_value", users.length == 0 ? Double.NaN : SampleRatio.balancePValue(armBand));
            double p1 = users.length == 0 ? Double.NaN : retC / users.length, p2 = users.length == 0 ? Double.NaN : retT / users.length;
            num(o, "baseline_retention", p1);
            num(o, "expected_retention_treated", p2);
            num(o, "expected_lift", p2 - p1);
            long nc = counts[0], nt = users.length - counts[0];
            double req = users.length == 0 || !(p2 - p1 > 0) ? Double.NaN : TwoProportions.sampleSizeExact(p1, p2, ex.alpha(), ex.power(), ratio);
            if (Double.isFinite(req)) {
                long ctrl = (long) Math.ceil(req - 1e-9);
                o.put("required_control_users", ctrl);
                o.put("required_total_users", ctrl + (long) Math.ceil(ctrl * ratio - 1e-9));
            } else {
                o.putNull("required_control_users");
                o.putNull("required_total_users");
            }
            double power = nc > 0 && nt > 0 && p2 > p1 ? TwoProportions.power(p1, p2, nc, nt, ex.alpha()) : Double.NaN;
            num(o, "power_at_expected_lift", power);
            double mde = nc > 0 && nt > 0 ? TwoProportions.minimumDetectableEffect(p1, nc, nt, ex.alpha(), ex.power()) : Double.NaN;
            num(o, "minimum_detectable_lift", mde);
            ArrayNode pc = o.putArray("power_curve");
            if (nc > 0 && nt > 0 && Double.isFinite(p1)) {
                double top = Math.min(1 - p1, Math.max(Double.isFinite(mde) ? 2 * mde : 0, 2 * Math.max(p2 - p1, 0)));
                if (!(top > 0)) top = 1 - p1;
                for (int i = 0; i <= 20 && top > 0; i++) {
                    double d = top * i / 20;
                    ObjectNode pt = pc.addObject();
                    pt.put("lift", d);
                    pt.put("power", TwoProportions.power(p1, p1 + d, nc, nt, ex.alpha()));
                }
            }
        }
        ObjectNode overall = e.putObject("overall");
        ObjectNode oc = overall.putObject("arm_counts");
        for (int i = 0; i < allArms.length; i++) oc.put(ex.arms().get(i), allArms[i]);
        double srm = SampleRatio.srmPValue(allArms, ex.shares());
        num(overall, "srm_p_value", srm);
        overall.put("srm_alarm", Double.isFinite(srm) && srm < ex.srmAlpha());
        return e;
    }

    private ObjectNode readout(DecisionsConfig dc, Population pop, BudgetPlanner.Plan plan, List<Action> actions, int[] arm, double[] truth,
                               long seed) {
        DecisionsConfig.Experiment ex = dc.experiment();
        ObjectNode ro = Json.MAPPER.createObjectNode();
        ro.put("what", "each planned user's outcome drawn from the generator's true P(churn within the horizon) at the same cutoff, with the "
                + "action's assumed effect applied in the treated arms (the planted effect), seeded from project.seed + "
                + "decisions.simulation_seed_offset and the user id; then analysed as a real readout would be");
        ro.put("planted_lift_definition", "mean over the action's planned users of p_true - p_true_after_action (the true average effect "
                + "on retention the simulation plants)");
        ro.put("interval", "Newcombe hybrid score interval (method 10, from Wilson intervals) of the difference in retention proportions (treated arms pooled minus control), level "
                + dc.confidence() + "; p-value from the pooled two-proportion z test");
        long simSeed = seed + dc.simulationSeedOffset();
        ArrayNode by = ro.putArray("by_action");
        int covered = 0, analysed = 0;
        for (int a = 0; a < actions.size(); a++) {
            Action act = actions.get(a);
            int fa = a;
            int[] users = IntStream.range(0, pop.size()).filter(u -> plan.action()[u] == fa && Double.isFinite(truth[u])).toArray();
            long[] counts = new long[ex.arms().size()];
            long nc = 0, rc = 0, nt = 0, rt = 0;
            double planted = 0, modelExpected = 0;
            for (int u : users) {
                double pt = truth[u];
                double pAfter = act.after(pt, 1.0);
                planted += pt - pAfter;
                modelExpected += pop.p[u] - act.after(pop.p[u], 1.0);
                counts[arm[u]]++;
                boolean treated = arm[u] > 0;
                boolean churned = draw(simSeed, pop.users.get(u)) < (treated ? pAfter : pt);
                if (treated) {
                    nt++;
                    if (!churned) rt++;
                } else {
                    nc++;
                    if (!churned) rc++;
                }
            }
            ObjectNode o = by.addObject();
            o.put("action", act.name());
            o.put("users", users.length);
            o.put("control_users", nc);
            o.put("treated_users", nt);
            LiftEstimate est = LiftEstimate.of(rc, nc, rt, nt, dc.confidence());
            num(o, "control_retention", est.control());
            num(o, "treated_retention", est.treated());
            ObjectNode lift = o.putObject("lift");
            num(lift, "estimate", est.lift());
            num(lift, "lower", est.lower());
            num(lift, "upper", est.upper());
            num(o, "p_value", est.pValue());
            double pl = users.length == 0 ? Double.NaN : planted / users.length;
            num(o, "planted_lift", pl);
            num(o, "model_expected_lift", users.length == 0 ? Double.NaN : modelExpected / users.length);
            boolean cov = Double.isFinite(est.lift()) && est.covers(pl);
            o.put("planted_lift_in_interval", cov);
            double srm = SampleRatio.srmPValue(counts, ex.shares());
            num(o, "srm_p_value", srm);
            o.put("srm_alarm", Double.isFinite(srm) && srm < ex.srmAlpha());
            if (Double.isFinite(est.lift())) {
                analysed++;
                if (cov) covered++;
            }
        }
        ro.put("actions_analysed", analysed);
        ro.put("actions_covering_planted_lift", covered);
        return ro;
    }

    /** A uniform draw in [0, 1) for one user, independent of row order. */
    static double draw(long seed, String userId) {
        long h = 1125899906842597L;
        for (int i = 0; i < userId.length(); i++) h = 31 * h + userId.charAt(i);
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ h).nextDouble();
    }

    private static Interval sumInterval(Bootstrap boot, double[] x) {
        double total = 0;
        for (double v : x) total += v;
        if (x.length == 0) return new Interval(0, Double.NaN, Double.NaN, 0);
        double[] reps = new double[boot.resamples()];
        for (int r = 0; r < reps.length; r++) {
            double s = 0;
            for (int i : boot.indices(r, x.length)) s += x[i];
            reps[r] = s;
        }
        return boot.summarize(total, reps);
    }

    private static ObjectNode interval(Interval i) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        num(o, "estimate", i.estimate());
        num(o, "lower", i.lower());
        num(o, "upper", i.upper());
        return o;
    }

    static void num(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) o.put(key, v);
        else o.putNull(key);
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
