/**
 * Stage 07: the decision layer. It turns the calibrated churn probabilities of the users scored at the latest cutoff
 * (the TEST rows of {@code scores.parquet}: "today") into value at risk, a retention plan under a budget, and the
 * randomized experiment that would measure it.
 *
 * <p><b>Value model.</b> One period is the churn horizon H ({@code churn.horizon_days}); p is the calibrated probability
 * that the user churns within the next period. Churn is treated as geometric with the same p every period and the
 * lifetime is capped at N periods ({@code decisions.value.horizon_periods}); revenue for a period is earned when the
 * user is still there at its end. With m·P the margin per period (margin × price):
 * <ul>
 *   <li>expected remaining periods E(p) = Σ_{t=1..N} (1−p)^t, and customer value V = m·P·E(p);</li>
 *   <li>given the user survives this period, they stay L(p) = 1 + Σ_{t=1..N−1} (1−p)^t periods, so V = (1−p)·m·P·L(p);</li>
 *   <li>value at risk VaR = p·m·P·L(p): what churning this period takes away, weighted by its probability;
 *       revenue at risk is the same without the margin.</li>
 * </ul>
 * An action moves this period's churn probability from p to p' (a multiplier p' = p·k or an absolute reduction
 * p' = max(0, p − a)); later periods keep p. Its expected saved value is (p − p')·m·P·L(p), its net value saved value
 * minus its cost.
 *
 * <p><b>Effects are assumptions.</b> The catalogue's effect sizes are what a planner believes, not estimates from data;
 * the plan is only as good as they are. The sensitivity re-plans show which decisions survive smaller or larger
 * effects, and the experiment design (a salted-hash holdout per action, its power and minimum detectable effect) is
 * how to measure them. On the synthetic service, the simulated readout draws outcomes from the generator's true churn
 * probabilities with the assumed effects planted and analyses them as a real readout would.
 *
 * <p><b>Leakage.</b> Nothing here is fitted: the stage reads scores produced by TRAIN-fitted (VAL-chosen) models at the
 * TEST cutoff from history before it, never the TEST outcomes ({@code churned}).
 */
package dev.ntg.decisions;
