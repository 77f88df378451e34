package dev.ntg.churn;

import dev.ntg.io.DuckSession;
import dev.ntg.io.Sql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The label rule in one place. Eligible at cutoff c: at least {@code minEvents} events with ts < c in the history
 * relation, the last one at or after c − activeWindowDays. Label from the future relation: an event in
 * [c, min(c + H, observedEnd)) means active (0); none means churned (1) when the whole horizon is observable
 * (c + H ≤ observedEnd), and censored (−1) otherwise — a user is never labelled churned for silence we could not see.
 */
public final class ChurnLabels {
    private final int horizonDays;
    private final int minEvents;
    private final int activeWindowDays;

    public ChurnLabels(int horizonDays, int minEvents, int activeWindowDays) {
        if (horizonDays <= 0) throw new IllegalArgumentException("churn.horizon_days must be > 0, got " + horizonDays);
        this.horizonDays = horizonDays;
        this.minEvents = minEvents;
        this.activeWindowDays = activeWindowDays;
    }

    public int horizonDays() {
        return horizonDays;
    }

    /** The SQL selecting (user_id, n, last_ts) of users eligible at c from {@code history}. */
    public String eligibleSql(String history, Instant cutoff) {
        String c = ts(cutoff);
        return "SELECT user_id FROM " + history + " WHERE ts < " + c + " GROUP BY user_id HAVING count(*) >= " + minEvents
                + " AND max(ts) >= " + c + " - INTERVAL " + activeWindowDays + " DAY";
    }

    /**
     * Labels at {@code cutoff}.
     *
     * @param history     relation of events before the cutoff (eligibility)
     * @param future      relation of events from the cutoff on (labels); may be the same relation
     * @param observedEnd events of {@code future} are complete before this instant
     */
    public LabeledUsers label(DuckSession duck, String history, String future, Instant cutoff, Instant observedEnd) {
        Instant horizonEnd = ChurnCutoffs.plusDays(cutoff, horizonDays);
        Instant end = observedEnd.isBefore(horizonEnd) ? observedEnd : horizonEnd;
        boolean censored = observedEnd.isBefore(horizonEnd);
        String sql = "WITH eligible AS (" + eligibleSql(history, cutoff) + "), "
                + "seen AS (SELECT DISTINCT user_id FROM " + future + " WHERE ts >= " + ts(cutoff) + " AND ts < " + ts(end) + ") "
                + "SELECT e.user_id, CASE WHEN s.user_id IS NOT NULL THEN 0 WHEN " + censored + " THEN -1 ELSE 1 END AS label "
                + "FROM eligible e LEFT JOIN seen s USING (user_id) ORDER BY e.user_id";
        List<String> users = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        duck.forEach(sql, rs -> {
            users.add(rs.getString(1));
            labels.add(rs.getInt(2));
        });
        return new LabeledUsers(cutoff, horizonEnd, observedEnd, List.copyOf(users), labels.stream().mapToInt(Integer::intValue).toArray());
    }

    static String ts(Instant t) {
        return Sql.literal(t.toString()) + "::TIMESTAMPTZ::TIMESTAMP";
    }
}
