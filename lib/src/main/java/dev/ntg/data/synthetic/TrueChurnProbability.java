package dev.ntg.data.synthetic;

/**
 * The probability, under the generator's own model, that a user has no play in the horizon after a
 * cutoff, given what an observer could know: their true parameters and that their last play before the
 * cutoff fell on a given day. Time is in whole days from the service start; a cutoff is the midnight that
 * begins {@code cutoffDay}, so days before it are observed and days {@code cutoffDay ..
 * cutoffDay + horizon - 1} are the horizon.
 *
 * <p>Within a day the user first plays, then may quit; so on the last play day they were alive and could
 * have quit that evening. A forward filter over the silent days since then gives P(quit by the cutoff |
 * silence); a user still subscribed then stays silent through the horizon either by quitting after a run
 * of silent days or by staying and never playing.
 */
public final class TrueChurnProbability {
    private TrueChurnProbability() {
    }

    /**
     * @param process      the user's daily rate and hazard
     * @param lastEventDay the day of the user's last play before the cutoff (must be before {@code cutoffDay})
     * @param cutoffDay    the first day after the cutoff
     * @param horizonDays  length of the horizon in days (at least 1)
     */
    public static double of(DailyProcess process, int lastEventDay, int cutoffDay, int horizonDays) {
        if (lastEventDay >= cutoffDay) {
            throw new IllegalArgumentException("last event day " + lastEventDay + " is not before the cutoff day " + cutoffDay);
        }
        if (horizonDays < 1) throw new IllegalArgumentException("horizon must be at least one day, got " + horizonDays);
        double pAlive = aliveAtCutoff(process, lastEventDay, cutoffDay);
        return (1.0 - pAlive) + pAlive * silentThroughHorizon(process, cutoffDay, horizonDays);
    }

    /** P(still subscribed at the start of the cutoff day | played on lastEventDay, silent since). */
    public static double aliveAtCutoff(DailyProcess process, int lastEventDay, int cutoffDay) {
        // Unnormalised filter: joint probability of each state and the observed silence.
        double alive = 1.0 - process.hazard(lastEventDay);
        double dead = process.hazard(lastEventDay);
        for (int d = lastEventDay + 1; d < cutoffDay; d++) {
            double silentAlive = alive * Math.exp(-process.rate(d));
            double h = process.hazard(d);
            dead += silentAlive * h;
            alive = silentAlive * (1.0 - h);
        }
        return alive / (alive + dead);
    }

    /** P(no play on days cutoffDay .. cutoffDay+horizon-1 | subscribed at the start of cutoffDay). */
    public static double silentThroughHorizon(DailyProcess process, int cutoffDay, int horizonDays) {
        double stillSilentAndAlive = 1.0;
        double quitSilently = 0.0;
        for (int d = cutoffDay; d < cutoffDay + horizonDays; d++) {
            stillSilentAndAlive *= Math.exp(-process.rate(d));
            double h = process.hazard(d);
            quitSilently += stillSilentAndAlive * h;
            stillSilentAndAlive *= 1.0 - h;
        }
        return quitSilently + stillSilentAndAlive;
    }
}
