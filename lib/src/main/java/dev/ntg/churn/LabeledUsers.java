package dev.ntg.churn;

import java.time.Instant;
import java.util.List;

/**
 * The users eligible at one cutoff, in user_id order, with their churn label: 1 churned, 0 active, −1 censored
 * (the horizon runs past the observable end and the user was silent so far: unknown, excluded from metrics).
 *
 * @param cutoff       c
 * @param horizonEnd   c + H (exclusive)
 * @param observedEnd  events are observable before this instant; when it is before c + H the labels are censored
 */
public record LabeledUsers(Instant cutoff, Instant horizonEnd, Instant observedEnd, List<String> users, int[] labels) {
    public int size() {
        return users.size();
    }

    public int count(int label) {
        int c = 0;
        for (int l : labels) if (l == label) c++;
        return c;
    }

    public boolean horizonCensored() {
        return observedEnd.isBefore(horizonEnd);
    }
}
