package dev.ntg.report.notebook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("DecisionReport")
class DecisionReportTest {
    @TempDir
    Path work;

    @Nested
    @DisplayName("the assumptions")
    class Assumptions {
        @Test
        @DisplayName("spell out each configured action's assumed effect on p, eligibility and capacity, with the eligible users")
        void actions() {
            try (Artifacts art = Artifacts.open(DecisionFixture.write(work))) {
                assertThat(DecisionReport.assumptions(art)).contains("ASSUMPTION");
                Table t = DecisionReport.actions(art);
                assertEquals(List.of("email", "call"), t.stringColumn("action").asList());
                assertEquals(List.of("p' = 0.9 × p (10% less churn)", "p' = max(0, p − 0.2)"), t.stringColumn("ASSUMED effect on p").asList());
                assertEquals(List.of("all", "high"), t.stringColumn("eligible risk bands").asList());
                assertEquals(List.of("all", "power, regular"), t.stringColumn("eligible segments").asList());
                assertEquals(List.of(100L, 1L), t.longColumn("capacity").asList());
                assertEquals(List.of(5L, 2L), t.longColumn("eligible users").asList());
                assertEquals(5.0, t.doubleColumn("cost per user").get(1), 0.0);
            }
        }

        @Test
        @DisplayName("show the value model and budget, and quote the formula")
        void valueModel() {
            try (Artifacts art = Artifacts.open(DecisionFixture.write(work))) {
                Table t = DecisionReport.valueModel(art);
                assertEquals(List.of("14 days", "10.00", "0.50", "4 periods", "10.00", "0.25"), t.stringColumn("value").asList());
                assertEquals("value = margin * price * E(p)", DecisionReport.valueFormula(art));
            }
        }
    }

    @Nested
    @DisplayName("value at risk")
    class ValueAtRisk {
        @Test
        @DisplayName("totals carry the report's intervals and agree with the sums of value_at_risk.parquet (100, 12.5, 25)")
        void totals() {
            try (Artifacts art = Artifacts.open(DecisionFixture.write(work))) {
                Table t = DecisionReport.totals(art);
                assertEquals("100.0 [90.0, 110.0]", t.stringColumn("estimate [95% interval]").get(0));
                assertEquals(List.of(100.0, 12.5, 25.0), t.doubleColumn("cross-check: sum over value_at_risk.parquet").asList());
                assertEquals(3, t.booleanColumn("agrees").countTrue());
            }
        }

        @Test
        @DisplayName("a report total that the file does not add up to is flagged")
        void disagreement() {
            try (Artifacts art = Artifacts.open(DecisionFixture.write(work,
                    r -> ((ObjectNode) r.path("totals").path("value_at_risk")).put("estimate", 13.0)))) {
                assertEquals(List.of(true, false, true), DecisionReport.totals(art).booleanColumn("agrees").asList());
            }
        }

        @Test
        @DisplayName("breaks value at risk down by band (in increasing risk) and segment, with each group's share")
        void byBandAndSegment() {
            try (Artifacts art = Artifacts.open(DecisionFixture.write(work))) {
                Table t = DecisionReport.valueAtRisk(art);
                assertEquals(List.of("low", "low", "medium", "high", "high"), t.stringColumn("risk band").asList());
                assertEquals(List.of("power", "regular", "new", "power", "regular"), t.stringColumn("segment").asList());
                assertEquals(List.of(0.3, 0.7, 1.5, 4.0, 6.0), t.doubleColumn("value at risk").asList());
                assertEquals(6.0 / 12.5, t.doubleColumn("share of value at risk").get(4), 1e-12);
            }
        }
    }

    @Nested
    @DisplayName("the plan")
    class Plan {
        @Test
        @DisplayName("lists each action and the whole plan as reported, with plan.parquet's user counts as a cross-check")
        void plan() {
            try (Artifacts art = Artifacts.open(DecisionFixture.write(work))) {
                Table t = DecisionReport.plan(art);
                assertEquals(List.of("email", "call", "whole plan"), t.stringColumn("action").asList());
                assertEquals(List.of(2L, 1L, 3L), t.longColumn("planned users").asList());
                assertEquals(List.of(2L, 1L, 3L), t.longColumn("cross-check: users in plan.parquet").asList());
                assertEquals(List.of(1.0, 4.0, 5.0), t.doubleColumn("expected net value").asList());
                assertEquals(5L, t.longColumn("eligible").get(2));
            }
        }

        @Test
        @DisplayName("cross-tabulates who gets which action by risk band and by segment, the users left out as 'no action'")
        void whoGetsWhat() {
            try (Artifacts art = Artifacts.open(DecisionFixture.write(work))) {
                Table band = DecisionReport.whoGetsWhat(art, "risk_band");
                assertEquals(List.of("action", "low", "medium", "high", "all"), band.columnNames());
                assertEquals(List.of("email", "call", "no action"), band.stringColumn("action").asList());
                assertEquals(List.of(0L, 0L, 2L), band.longColumn("low").asList());
                assertEquals(List.of(1L, 1L, 0L), band.longColumn("high").asList());
                assertEquals(List.of(2L, 1L, 2L), band.longColumn("all").asList());
                Table segment = DecisionReport.whoGetsWhat(art, "segment");
                assertEquals(List.of("action", "new", "power", "regular", "all"), segment.columnNames());
                assertEquals(List.of(1L, 0L, 1L), segment.longColumn("power").asList());
                assertThatThrownBy(() -> DecisionReport.whoGetsWhat(art, "user_id; DROP TABLE x")).hasMessageContaining("no dimension");
            }
        }

        @Test
        @DisplayName("shows the first decisions in priority order")
        void top() {
            try (Artifacts art = Artifacts.open(DecisionFixture.write(work))) {
                assertEquals(List.of("u1", "u2"), DecisionReport.topOfPlan(art, 2).stringColumn("user_id").asList());
            }
        }
    }

    @Nested
    @DisplayName("budget and sensitivity")
    class Sensitivity {
        @Test
        @DisplayName("the budget curve adds the net value per unit of extra budget: 3/5, (5−3)/(10−5), 0")
        void budgetCurve() {
            try (Artifacts art = Artifacts.open(DecisionFixture.write(work))) {
                Table t = DecisionReport.budgetCurve(art);
                assertEquals(List.of(0.6, 0.4, 0.0), t.doubleColumn("net added per unit of extra budget").asList());
                assertEquals("At the configured budget of 10 the plan spends 7.0 on 3 users for an expected net value of 5.0 (ROI 0.71). "
                        + "With a budget of 20 it would spend 7.0 (0.0 more) for 0.0 more net value: part of that budget stays unspent, because "
                        + "capacities and the ROI gate leave no more pairs worth buying. Every value here rests on the assumed effects.",
                        DecisionReport.budgetVerdict(art));
            }
        }

        @Test
        @DisplayName("the sensitivity table and robustness come from the report; the verdict warns when the kept plan loses money")
        void sensitivity() {
            try (Artifacts art = Artifacts.open(DecisionFixture.write(work))) {
                Table t = DecisionReport.sensitivity(art);
                assertEquals(List.of(0.5, 1.0), t.doubleColumn("effects scaled by").asList());
                assertEquals(List.of(-1.0, 5.0), t.doubleColumn("net value, base plan kept").asList());
                Table r = DecisionReport.robustness(art);
                assertEquals(List.of(1.0, 0.0), r.doubleColumn("kept at every scale").asList());
                assertEquals("If every effect is 0.50× the assumed size, the plan as it stands nets -1.0 (1.0 if re-optimised) instead of 5.0: "
                        + "it would lose money. Decisions that mostly survive every scale: email (100%). Decisions that mostly do not: call (0%): "
                        + "measure these actions before scaling them up.", DecisionReport.sensitivityVerdict(art));
            }
        }
    }

    @Test
    @DisplayName("the leakage statement quotes the report's inputs and rule")
    void leakage() {
        try (Artifacts art = Artifacts.open(DecisionFixture.write(work))) {
            assertEquals("Inputs: TEST-cutoff scores. Rule: TEST outcomes are never read.", DecisionReport.leakage(art));
        }
    }

    @Test
    @DisplayName("an effect type the notebook does not know is shown as written, not guessed")
    void unknownEffect() {
        assertEquals("logit 0.5", DecisionReport.effect("logit", 0.5));
        assertTrue(DecisionReport.effect("multiplier", 1.0).contains("0% less churn"));
        assertFalse(DecisionReport.effect("absolute", 0.05).contains("E"), "no scientific notation: " + DecisionReport.effect("absolute", 0.05));
    }
}
