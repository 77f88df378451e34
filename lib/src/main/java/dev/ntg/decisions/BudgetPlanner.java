package dev.ntg.decisions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * At most one action per user, maximizing expected net value (saved value minus cost) within a budget and per-action
 * capacities, keeping only pairs that pass the ROI gate (net / cost ≥ min ROI; a free action passes when its net is
 * positive).
 *
 * <p>This is a multiple-choice knapsack. The planner uses the classic greedy on incremental efficiencies
 * (Sinha &amp; Zoltners 1979): each user's gated candidates are reduced to the upper concave hull of (cost, net) from
 * (0, 0), so moving along it (no action → cheap action → better, dearer action) has decreasing net gained per unit of
 * spend; all users' steps are then taken in one global order of that efficiency while the budget and the capacities
 * allow. A step over the budget ends that user's upgrades (their later steps assume it); a step blocked by a full
 * action waits until an upgrade frees a place there. Without capacities the
 * result is optimal up to the last partly fitting step (the LP bound); ties break by user order, then action order,
 * so the plan is deterministic.
 */
public final class BudgetPlanner {
    private BudgetPlanner() {
    }

    /** One eligible action for one user. */
    public record Candidate(int action, double cost, double saved) {
        public double net() {
            return saved - cost;
        }
    }

    /**
     * The plan: per user the chosen action (−1 for none) with its cost and saved value, the totals, and the order in
     * which each user's final action was accepted (0 first; −1 for none).
     */
    public record Plan(int[] action, double[] cost, double[] saved, int[] acceptedAt, double spend, double savedTotal, int users) {
        public double net() {
            return savedTotal - spend;
        }

        public double roi() {
            return spend > 0 ? net() / spend : Double.NaN;
        }
    }

    private record Step(int user, int from, int to, double dCost, double dNet, double ratio, int index) {
    }

    /** Whether a candidate passes the ROI gate. */
    public static boolean passes(Candidate c, double minRoi) {
        double net = c.net();
        if (!(net > 0)) return false;
        return c.cost() == 0 || net / c.cost() >= minRoi;
    }

    /**
     * @param candidates per user (in tie-break order, e.g. by user id) the eligible actions
     * @param capacity   per action, the most users it may take
     * @param budget     total spend allowed
     * @param minRoi     the ROI gate
     */
    public static Plan plan(List<List<Candidate>> candidates, int[] capacity, double budget, double minRoi) {
        int n = candidates.size();
        List<Step> steps = new ArrayList<>();
        List<List<Candidate>> hulls = new ArrayList<>(n);
        for (int u = 0; u < n; u++) {
            List<Candidate> hull = hull(candidates.get(u), minRoi);
            hulls.add(hull);
            double c0 = 0, n0 = 0;
            int from = -1;
            for (int k = 0; k < hull.size(); k++) {
                Candidate c = hull.get(k);
                double dc = c.cost() - c0, dn = c.net() - n0;
                steps.add(new Step(u, from, c.action(), dc, dn, dc > 0 ? dn / dc : Double.POSITIVE_INFINITY, k));
                c0 = c.cost();
                n0 = c.net();
                from = c.action();
            }
        }
        steps.sort(Comparator.comparingDouble((Step s) -> -s.ratio).thenComparingInt(Step::user).thenComparingInt(Step::index));
        int[] current = new int[n];
        Arrays.fill(current, -1);
        boolean[] stopped = new boolean[n];
        int[] acceptedAt = new int[n];
        Arrays.fill(acceptedAt, -1);
        int[] used = new int[capacity.length];
        List<List<Step>> waiting = new ArrayList<>();
        for (int a = 0; a < capacity.length; a++) waiting.add(new ArrayList<>());
        double[] spend = {0};
        int[] accepted = {0};
        for (Step s : steps) {
            if (stopped[s.user] || current[s.user] != s.from) continue;
            if (spend[0] + s.dCost > budget * (1 + 1e-12) + 1e-9) {
                stopped[s.user] = true;
                continue;
            }
            if (used[s.to] >= capacity[s.to]) {
                waiting.get(s.to).add(s); // may fit when an upgrade frees a place
                continue;
            }
            take(s, current, used, spend, acceptedAt, accepted, waiting, stopped, budget, capacity);
        }
        double[] cost = new double[n], saved = new double[n];
        double spendTotal = 0, savedTotal = 0;
        int users = 0;
        for (int u = 0; u < n; u++) {
            if (current[u] < 0) continue;
            for (Candidate c : hulls.get(u)) {
                if (c.action() == current[u]) {
                    cost[u] = c.cost();
                    saved[u] = c.saved();
                }
            }
            spendTotal += cost[u];
            savedTotal += saved[u];
            users++;
        }
        // Dense acceptance ranks (0..users-1) in the order the final choices were made.
        Integer[] order = java.util.stream.IntStream.range(0, n).filter(u -> current[u] >= 0).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt(u -> acceptedAt[u]));
        int[] rank = new int[n];
        Arrays.fill(rank, -1);
        for (int r = 0; r < order.length; r++) rank[order[r]] = r;
        return new Plan(current, cost, saved, rank, spendTotal, savedTotal, users);
    }

    /**
     * Applies a step; when it moves a user off an action, the freed place goes to the first step still waiting for
     * that action (in the global order) that still applies and fits the budget.
     */
    private static void take(Step s, int[] current, int[] used, double[] spend, int[] acceptedAt, int[] accepted, List<List<Step>> waiting,
                             boolean[] stopped, double budget, int[] capacity) {
        if (s.from >= 0) used[s.from]--;
        used[s.to]++;
        spend[0] += s.dCost;
        current[s.user] = s.to;
        acceptedAt[s.user] = accepted[0]++;
        if (s.from < 0) return;
        List<Step> queue = waiting.get(s.from);
        for (int i = 0; i < queue.size() && used[s.from] < capacity[s.from]; i++) {
            Step w = queue.get(i);
            if (stopped[w.user] || current[w.user] != w.from) continue;
            if (spend[0] + w.dCost > budget * (1 + 1e-12) + 1e-9) continue;
            queue.remove(i);
            take(w, current, used, spend, acceptedAt, accepted, waiting, stopped, budget, capacity);
            return;
        }
    }

    /** Gated candidates on the upper concave hull of (cost, net) starting at (0, 0), cheapest first. */
    static List<Candidate> hull(List<Candidate> all, double minRoi) {
        List<Candidate> ok = new ArrayList<>();
        for (Candidate c : all) if (passes(c, minRoi)) ok.add(c);
        ok.sort(Comparator.comparingDouble(Candidate::cost).thenComparingDouble(c -> -c.net()).thenComparingInt(Candidate::action));
        List<Candidate> hull = new ArrayList<>();
        for (Candidate c : ok) {
            if (!hull.isEmpty() && c.net() <= hull.get(hull.size() - 1).net()) continue; // dominated: costs as much or more, nets no more
            while (!hull.isEmpty()) {
                Candidate b = hull.get(hull.size() - 1);
                double ac = hull.size() >= 2 ? hull.get(hull.size() - 2).cost() : 0, an = hull.size() >= 2 ? hull.get(hull.size() - 2).net() : 0;
                // b lies on or below the chord from a to c: drop it.
                double cross = (b.cost() - ac) * (c.net() - an) - (b.net() - an) * (c.cost() - ac);
                if (cross >= 0 && b.cost() > ac) hull.remove(hull.size() - 1);
                else break;
            }
            hull.add(c);
        }
        return hull;
    }
}
