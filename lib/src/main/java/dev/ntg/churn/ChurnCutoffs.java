package dev.ntg.churn;

import dev.ntg.NtgException;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Where cutoffs fall: UTC midnights, so that a cutoff and its horizon are whole days. */
public final class ChurnCutoffs {
    private ChurnCutoffs() {
    }

    /** The UTC midnight at or before {@code t}. */
    public static Instant dayFloor(Instant t) {
        return t.truncatedTo(ChronoUnit.DAYS);
    }

    public static Instant plusDays(Instant t, int days) {
        return t.plus(Duration.ofDays(days));
    }

    /**
     * Training cutoffs, latest first: c_0 = floor(trainEnd) − H, then every {@code spacing} days earlier, keeping
     * those with at least H days of TRAIN history before them (so "active before c" means something).
     *
     * @param trainStart first TRAIN event
     * @param trainEnd   end of TRAIN (exclusive): the VAL start
     */
    public static List<Instant> training(Instant trainStart, Instant trainEnd, int horizonDays, int count, int spacingDays) {
        Instant latest = plusDays(dayFloor(trainEnd), -horizonDays);
        Instant earliestAllowed = plusDays(trainStart, horizonDays);
        List<Instant> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Instant c = plusDays(latest, -k * spacingDays);
            if (c.isBefore(earliestAllowed)) break;
            out.add(c);
        }
        if (out.size() < 2) {
            long days = Duration.between(trainStart, trainEnd).toDays();
            throw new NtgException("score-churn: TRAIN spans " + days + " days, too short for two training cutoffs with churn.horizon_days="
                    + horizonDays + " and churn.cutoff_spacing_days=" + spacingDays + " (each cutoff needs " + horizonDays
                    + " days of history before it and " + horizonDays + " days of TRAIN after it): shorten the horizon or the spacing");
        }
        return out;
    }
}
