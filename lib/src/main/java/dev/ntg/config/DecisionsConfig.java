package dev.ntg.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Stage 07, the decision layer: the value model, the intervention catalogue, the budget and the experiment design.
 * Effects in the catalogue are assumptions a planner writes down, not estimates; the experiment is there to measure them.
 *
 * @param value              the value model (price, margin, lifetime cap)
 * @param budget             total spend the plan may use; at least the cheapest action's cost
 * @param minRoi             ROI gate: a (user, action) pair is a candidate only when net / cost is at least this
 * @param actions            the intervention catalogue (at least one action, unique names)
 * @param sensitivityScales  factors the effect sizes are scaled by for the sensitivity re-plans
 * @param budgetCurvePoints  budgets evaluated for the budget curve
 * @param bootstrapResamples resamples of users for the intervals of the value totals
 * @param confidence         two-sided level of every interval
 * @param experiment         randomized holdout design
 * @param simulationSeedOffset added to project.seed for the simulated campaign outcomes (synthetic data only)
 */
public record DecisionsConfig(Value value, double budget, double minRoi, List<Action> actions, List<Double> sensitivityScales,
                              int budgetCurvePoints, int bootstrapResamples, double confidence, Experiment experiment,
                              int simulationSeedOffset) {
    public static final List<String> SEGMENTS = List.of("power", "regular", "new");
    public static final List<String> EFFECT_TYPES = List.of("multiplier", "absolute");

    public DecisionsConfig {
        Check.required("value", value);
        Check.nonNegative("budget", budget);
        Check.that(Double.isFinite(minRoi), "min_roi", "must be a finite number, got " + minRoi);
        Check.required("actions", actions);
        Check.that(!actions.isEmpty(), "actions", "must list at least one action");
        Set<String> names = new HashSet<>();
        double cheapest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            Check.that(a != null, "actions[" + i + "]", "is empty");
            Check.that(names.add(a.name()), "actions[" + i + "].name", "'" + a.name() + "' is used by an earlier action; names must be unique");
            cheapest = Math.min(cheapest, a.cost());
        }
        actions = List.copyOf(actions);
        Check.that(budget >= cheapest, "budget", "is " + budget + ", below the cheapest action's cost " + cheapest
                + ": the plan could treat no one; raise decisions.budget or lower a cost");
        Check.required("sensitivity_scales", sensitivityScales);
        for (Double s : sensitivityScales) {
            Check.that(s != null && s > 0 && Double.isFinite(s), "sensitivity_scales", "each scale must be a finite number > 0, got " + s);
        }
        sensitivityScales = List.copyOf(sensitivityScales);
        Check.between("budget_curve_points", budgetCurvePoints, 2, 200);
        Check.that(bootstrapResamples >= 100, "bootstrap_resamples", "must be >= 100 for an interval, got " + bootstrapResamples);
        Check.that(confidence > 0 && confidence < 1, "confidence", "must be strictly between 0 and 1, got " + confidence);
        Check.required("experiment", experiment);
        Check.nonNegative("simulation_seed_offset", simulationSeedOffset);
    }

    /**
     * The value model. One period is the churn horizon ({@code churn.horizon_days}).
     *
     * @param pricePerPeriod revenue per user per period
     * @param margin         contribution margin as a share of revenue
     * @param horizonPeriods N: the remaining lifetime is counted over at most N periods
     */
    public record Value(double pricePerPeriod, double margin, int horizonPeriods) {
        public Value {
            Check.nonNegative("price_per_period", pricePerPeriod);
            Check.between("margin", margin, 0.0, 1.0);
            Check.between("horizon_periods", horizonPeriods, 1, 10_000);
        }
    }

    /**
     * One intervention.
     *
     * @param name       unique id, {@code [a-z0-9_]+}
     * @param cost       cost per treated user
     * @param effectType {@code multiplier} (p' = p × effect) or {@code absolute} (p' = max(0, p − effect))
     * @param effect     the assumed effect on this period's churn probability, in [0, 1]
     * @param bands      eligible risk bands (empty: all)
     * @param segments   eligible segments: power, regular, new (empty: all)
     * @param capacity   most users the action can reach
     */
    public record Action(String name, double cost, String effectType, double effect, List<String> bands, List<String> segments,
                         int capacity) {
        public Action {
            Check.required("name", name);
            Check.that(name.matches("[a-z0-9_]+"), "name", "must match [a-z0-9_]+, got '" + name + "'");
            Check.nonNegative("cost", cost);
            Check.oneOf("effect_type", effectType, EFFECT_TYPES);
            Check.that(effect >= 0 && effect <= 1, "effect", "must be in [0, 1] for effect_type " + effectType
                    + (effectType.equals("multiplier") ? " (p' = p * effect)" : " (p' = max(0, p - effect))") + ", got " + effect);
            bands = bands == null ? List.of() : List.copyOf(bands);
            segments = segments == null ? List.of() : List.copyOf(segments);
            for (String s : segments) Check.oneOf("segments", s, SEGMENTS);
            Check.positive("capacity", capacity);
        }

        /** Churn probability after the action, with the effect size scaled by {@code scale} (1 = as assumed). */
        public double after(double p, double scale) {
            if (effectType.equals("multiplier")) {
                double k = Math.max(0.0, Math.min(1.0, 1.0 - scale * (1.0 - effect)));
                return p * k;
            }
            return Math.max(0.0, p - Math.min(1.0, scale * effect));
        }

        public boolean eligible(String band, String segment) {
            return (bands.isEmpty() || bands.contains(band)) && (segments.isEmpty() || segments.contains(segment));
        }
    }

    /**
     * The randomized holdout of each action.
     *
     * @param id        experiment id; an action's experiment is {@code id/action}
     * @param salt      salt of the assignment hash
     * @param arms      arm names; the first is the holdout (control)
     * @param shares    arm shares, summing to 1
     * @param alpha     two-sided significance level
     * @param power     target power
     * @param srmAlpha  sample-ratio-mismatch alarm level
     */
    public record Experiment(String id, String salt, List<String> arms, List<Double> shares, double alpha, double power, double srmAlpha) {
        public Experiment {
            Check.required("id", id);
            Check.that(!id.isBlank(), "id", "must not be blank");
            Check.required("salt", salt);
            Check.required("arms", arms);
            Check.required("shares", shares);
            Check.that(arms.size() >= 2, "arms", "must name at least two arms (the first is the control), got " + arms);
            Check.that(new HashSet<>(arms).size() == arms.size(), "arms", "names must be unique, got " + arms);
            Check.that(shares.size() == arms.size(), "shares", "must give one share per arm (" + arms.size() + "), got " + shares.size());
            double sum = 0;
            for (Double s : shares) {
                Check.that(s != null && s > 0 && s < 1, "shares", "each share must be strictly between 0 and 1, got " + s);
                sum += s;
            }
            Check.that(Math.abs(sum - 1.0) <= 1e-9, "shares", "must sum to 1, got " + sum + " (" + shares + ")");
            arms = List.copyOf(arms);
            shares = List.copyOf(shares);
            Check.that(alpha > 0 && alpha < 1, "alpha", "must be strictly between 0 and 1, got " + alpha);
            Check.that(power > 0 && power < 1, "power", "must be strictly between 0 and 1, got " + power);
            Check.that(srmAlpha > 0 && srmAlpha < 1, "srm_alpha", "must be strictly between 0 and 1, got " + srmAlpha);
        }
    }
}
