package dev.ntg.report.notebook;

import dev.ntg.testing.PublishedReports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Json;
import dev.ntg.io.PathCatalog;
import dev.ntg.report.SchemaValidator;
import dev.ntg.run.StageManifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The plan-retention outputs of a hand-made run (plus the churn fixture, whose risk-band names the balance table
 * uses): five users, two actions ({@code email}, a 0.9 multiplier for everyone; {@code call}, an absolute 0.2 for high
 * risk), a plan of three users, their assignment, and a schema-valid {@code decisions.json} whose totals are the sums of
 * {@code value_at_risk.parquet}.
 */
final class DecisionFixture {
    static final String REPORT = """
            {"report": "decisions", "schema_version": 1, "dataset_source": "synthetic",
             "assumptions": "Every action's effect is an ASSUMPTION written in the config.",
             "value_model": {"period_days": 14, "price_per_period": 10.0, "margin": 0.5, "horizon_periods": 4, "formula": "value = margin * price * E(p)"},
             "population": {"who": "TEST users", "cutoff": "2023-03-29T00:00:00Z", "users": 5, "users_by_band": {"high": 2, "low": 2, "medium": 1}},
             "totals": {"interval": "bootstrap percentile", "value": {"estimate": 100.0, "lower": 90.0, "upper": 110.0},
                        "value_at_risk": {"estimate": 12.5, "lower": 10.0, "upper": 15.0},
                        "revenue_at_risk": {"estimate": 25.0, "lower": 20.0, "upper": 30.0}},
             "plan": {"budget": 10.0, "min_roi": 0.25, "optimizer": "greedy", "users": 3, "spend": 7.0, "expected_saved_value": 12.0,
                      "expected_net_value": 5.0, "roi": 0.7142857142857143,
                      "by_action": [
                        {"action": "email", "effect_type": "multiplier", "assumed_effect": 0.9, "unit_cost": 1.0, "eligible_users": 5, "capacity": 100,
                         "users": 2, "spend": 2.0, "expected_saved_value": 3.0, "expected_net_value": 1.0, "roi": 0.5},
                        {"action": "call", "effect_type": "absolute", "assumed_effect": 0.2, "unit_cost": 5.0, "eligible_users": 2, "capacity": 1,
                         "users": 1, "spend": 5.0, "expected_saved_value": 9.0, "expected_net_value": 4.0, "roi": 0.8}]},
             "budget_curve": [{"budget": 5.0, "spend": 5.0, "expected_net_value": 3.0, "users": 2},
                              {"budget": 10.0, "spend": 7.0, "expected_net_value": 5.0, "users": 3},
                              {"budget": 20.0, "spend": 7.0, "expected_net_value": 5.0, "users": 3}],
             "sensitivity": [{"effect_scale": 0.5, "users": 2, "spend": 6.0, "expected_net_value": 1.0, "roi": 0.1667, "plan_kept_share": 0.5,
                              "base_plan_net_value_at_this_scale": -1.0},
                             {"effect_scale": 1.0, "users": 3, "spend": 7.0, "expected_net_value": 5.0, "roi": 0.7142857142857143, "plan_kept_share": 1.0,
                              "base_plan_net_value_at_this_scale": 5.0}],
             "robustness": {"definition": "share kept at every scale", "kept_at_every_scale_by_action": {"email": 1.0, "call": 0.0}},
             "experiment": {"id": "exp", "assignment": "hash of salt, id and user", "salt": "s", "arms": ["control", "treatment"], "shares": [0.2, 0.8],
                            "primary_metric": "retention", "alpha": 0.05, "power": 0.8, "sample_size_formula": "Fleiss",
                            "overall": {"arm_counts": {"control": 1, "treatment": 2}, "srm_p_value": 0.5, "srm_alarm": false},
                            "by_action": [
                              {"action": "email", "experiment_id": "exp/email", "arm_counts": {"control": 1, "treatment": 1}, "users": 2,
                               "balance_by_risk_band": {"counts": {"control": {"medium": 1}, "treatment": {"high": 1}},
                                                        "mean_p_churn": {"control": 0.3, "treatment": 0.6}, "p_value": 0.16},
                               "baseline_retention": 0.55, "expected_retention_treated": 0.595, "expected_lift": 0.045,
                               "required_control_users": 300, "required_total_users": 1500, "power_at_expected_lift": 0.06,
                               "minimum_detectable_lift": null, "power_curve": [{"lift": 0.0, "power": 0.025}, {"lift": 0.5, "power": 0.3}],
                               "srm_p_value": 0.2, "srm_alarm": false},
                              {"action": "call", "experiment_id": "exp/call", "arm_counts": {"control": 0, "treatment": 1}, "users": 1,
                               "balance_by_risk_band": {"counts": {"control": {}, "treatment": {"high": 1}},
                                                        "mean_p_churn": {"control": null, "treatment": 0.8}, "p_value": null},
                               "baseline_retention": 0.2, "expected_retention_treated": 0.4, "expected_lift": 0.2,
                               "required_control_users": 10, "required_total_users": null, "power_at_expected_lift": 0.9,
                               "minimum_detectable_lift": 0.15, "power_curve": [{"lift": 0.0, "power": 0.025}, {"lift": 0.3, "power": 0.95}],
                               "srm_p_value": 0.3, "srm_alarm": true}]},
             "simulated_readout": {"what": "simulated", "planted_lift_definition": "mean true lift", "interval": "Wald", "actions_analysed": 2,
                                   "actions_covering_planted_lift": 2,
                                   "by_action": [
                                     {"action": "email", "users": 2, "control_users": 1, "treated_users": 1, "control_retention": 0.0,
                                      "treated_retention": 1.0, "lift": {"estimate": 1.0, "lower": -0.2, "upper": 1.0}, "p_value": 0.3,
                                      "planted_lift": 0.04, "model_expected_lift": 0.045, "planted_lift_in_interval": true,
                                      "srm_p_value": 0.2, "srm_alarm": false},
                                     {"action": "call", "users": 1, "control_users": 0, "treated_users": 1, "control_retention": null,
                                      "treated_retention": 1.0, "lift": {"estimate": 0.6, "lower": 0.2, "upper": 0.9}, "p_value": 0.01,
                                      "planted_lift": 0.2, "model_expected_lift": 0.2, "planted_lift_in_interval": true,
                                      "srm_p_value": 0.3, "srm_alarm": true}]},
             "leakage": {"inputs": "TEST-cutoff scores", "rule": "TEST outcomes are never read"}}
            """;

    /** value_at_risk.parquet: user, band, segment, p, value, value at risk, revenue at risk (sums 100, 12.5, 25). */
    static final String VALUE_AT_RISK = "('u1', 'high', 'regular', 0.8, 4.0, 6.0, 12.0), ('u2', 'high', 'power', 0.6, 6.0, 4.0, 8.0), "
            + "('u3', 'medium', 'new', 0.3, 20.0, 1.5, 3.0), ('u4', 'low', 'regular', 0.1, 30.0, 0.7, 1.4), ('u5', 'low', 'power', 0.05, 40.0, 0.3, 0.6)";
    /** plan.parquet: user, action, priority. */
    static final String PLAN = "('u1', 'call', 1), ('u2', 'email', 2), ('u3', 'email', 3)";
    /** assignment.parquet: action, user, arm. */
    static final String ASSIGNMENT = "('email', 'u2', 'treatment'), ('email', 'u3', 'control'), ('call', 'u1', 'treatment')";

    private DecisionFixture() {
    }

    /** The fixture with the report as above; {@code edit} may change it first (it is validated after). */
    static Path write(Path work, java.util.function.Consumer<ObjectNode> edit) {
        ChurnFixture.write(work, true);
        PathCatalog c = new PathCatalog(work);
        try {
            Files.createDirectories(c.resolve(PathCatalog.RETENTION_PLAN).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode report = PublishedReports.published(ChurnFixture.json(REPORT), "decisions_report.schema.json");
        edit.accept(report);
        SchemaValidator.of("decisions_report.schema.json").check(report, "fixture decisions.json");
        Json.write(c.resolve(PathCatalog.DECISIONS_REPORT), report);
        JsonNode config = ChurnFixture.json("""
                {"decisions": {"budget": 10.0, "actions": [
                  {"name": "email", "cost": 1.0, "effect_type": "multiplier", "effect": 0.9, "bands": [], "segments": [], "capacity": 100},
                  {"name": "call", "cost": 5.0, "effect_type": "absolute", "effect": 0.2, "bands": ["high"], "segments": ["power", "regular"],
                   "capacity": 1}]}}""");
        Json.write(c.manifestOf("outputs/decisions"), new StageManifest("plan-retention", "0", "lib", "commit", false, config, "hash",
                List.of(), 42, List.of(), List.of(), Map.of(), "t0", "t1", 1.0));
        try (DuckSession duck = DuckSession.inMemory()) {
            duck.execute("CREATE TABLE v AS SELECT user_id, risk_band, segment, CAST(p AS DOUBLE) AS p_churn, 1.0::DOUBLE AS expected_periods, "
                    + "CAST(value AS DOUBLE) AS value, CAST(var AS DOUBLE) AS value_at_risk, CAST(rar AS DOUBLE) AS revenue_at_risk FROM (VALUES "
                    + VALUE_AT_RISK + ") t(user_id, risk_band, segment, p, value, var, rar)");
            duck.copyToParquet("SELECT * FROM v ORDER BY user_id", c.resolve(PathCatalog.VALUE_AT_RISK));
            duck.copyToParquet("SELECT p.user_id, p.action, v.risk_band, v.segment, v.p_churn, v.p_churn * 0.9 AS p_after, 1.5::DOUBLE AS expected_saved_value, "
                    + "1.0::DOUBLE AS cost, 0.5::DOUBLE AS net_value, 0.5::DOUBLE AS roi, CAST(priority AS INTEGER) AS priority FROM (VALUES " + PLAN
                    + ") p(user_id, action, priority) JOIN v USING (user_id) ORDER BY user_id", c.resolve(PathCatalog.RETENTION_PLAN));
            duck.copyToParquet("SELECT 'exp/' || action AS experiment_id, action, a.user_id, 0.5::DOUBLE AS bucket, arm, arm <> 'control' AS treated, "
                    + "v.risk_band FROM (VALUES " + ASSIGNMENT + ") a(action, user_id, arm) JOIN v USING (user_id) ORDER BY action, user_id",
                    c.resolve(PathCatalog.ASSIGNMENT));
        }
        return work;
    }

    static Path write(Path work) {
        return write(work, r -> {
        });
    }
}
