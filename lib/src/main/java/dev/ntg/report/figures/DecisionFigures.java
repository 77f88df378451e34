package dev.ntg.report.figures;

import com.fasterxml.jackson.databind.JsonNode;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Retention decisions: the budget curve, the sensitivity to the assumed effects, the experiment's power curves. */
public final class DecisionFigures {
    private DecisionFigures() {
    }

    public static Figure budgetCurve(JsonNode decisions) {
        List<Double> budget = new ArrayList<>();
        List<Double> net = new ArrayList<>();
        List<Double> spend = new ArrayList<>();
        for (JsonNode b : decisions.path("budget_curve")) {
            budget.add(b.path("budget").asDouble());
            net.add(b.path("expected_net_value").asDouble());
            spend.add(b.path("spend").asDouble());
        }
        XYChart c = Plots.xy("Retention plan: expected net value by budget", "budget (currency units)", "currency units");
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        if (!budget.isEmpty()) {
            c.addSeries("expected net value", Plots.array(budget), Plots.array(net)).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            c.addSeries("spend", Plots.array(budget), Plots.array(spend)).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        } else {
            Plots.noData(c);
        }
        double chosen = decisions.path("plan").path("budget").asDouble(Double.NaN);
        if (!Double.isNaN(chosen)) c.addAnnotation(new AnnotationLine(chosen, true, false));
        return new Figure("decisions_budget", String.format(Locale.ROOT, "Where the net-value curve flattens, more budget buys little; "
                + "the vertical line is the configured budget (%.0f), and all values rest on the assumed action effects.", chosen), c);
    }

    public static Figure sensitivity(JsonNode decisions) {
        List<Double> scale = new ArrayList<>();
        List<Double> replanned = new ArrayList<>();
        List<Double> base = new ArrayList<>();
        for (JsonNode s : decisions.path("sensitivity")) {
            scale.add(s.path("effect_scale").asDouble());
            replanned.add(s.path("expected_net_value").asDouble());
            base.add(s.path("base_plan_net_value_at_this_scale").asDouble());
        }
        XYChart c = Plots.xy("Retention plan: sensitivity to the assumed effects", "assumed effects scaled by (×)",
                "expected net value (currency units)");
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        if (!scale.isEmpty()) {
            c.addSeries("plan re-optimised at this scale", Plots.array(scale), Plots.array(replanned));
            c.addSeries("base plan kept", Plots.array(scale), Plots.array(base));
        } else {
            Plots.noData(c);
        }
        c.addAnnotation(new AnnotationLine(0, false, false));
        return new Figure("decisions_sensitivity", "If the actions work less well than assumed (scale < 1), the base plan's value "
                + "falls towards the re-optimised one or below zero; the gap between the lines is what re-planning would save.", c);
    }

    public static Figure powerCurves(JsonNode decisions) {
        XYChart c = Plots.xy("Experiment: power by true lift in retention", "true lift in retention (percentage points)",
                "power (probability of a significant result)");
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.0);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        boolean any = false;
        for (JsonNode a : decisions.path("experiment").path("by_action")) {
            List<Double> lift = new ArrayList<>();
            List<Double> power = new ArrayList<>();
            for (JsonNode p : a.path("power_curve")) {
                lift.add(100 * p.path("lift").asDouble());
                power.add(p.path("power").asDouble());
            }
            if (!lift.isEmpty()) {
                Plots.line(c, a.path("action").asText("action"), Plots.array(lift), Plots.array(power));
                any = true;
            }
        }
        if (!any) Plots.noData(c);
        double target = decisions.path("experiment").path("power").asDouble(0.8);
        c.addAnnotation(new AnnotationLine(target, false, false));
        return new Figure("decisions_power", String.format(Locale.ROOT, "Each curve is one action's holdout test at the planned sample "
                + "size; where it crosses the horizontal line (power %.2f) is the smallest lift the experiment reliably detects.", target), c);
    }
}
