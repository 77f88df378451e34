package dev.ntg.data.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Json;
import dev.ntg.io.Sql;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The synthetic service's planted churn probability for scored users, for the ground-truth comparison only (never
 * for fitting): each user's true daily process from the truth sidecar, and the day of their last event before the
 * cutoff from the same history the model was scored on, through {@link TrueChurnProbability}.
 */
public final class PlantedChurn {
    private final Map<String, UserDynamics> users;
    private final Instant start;

    private PlantedChurn(Map<String, UserDynamics> users, Instant start) {
        this.users = users;
        this.start = start;
    }

    public static PlantedChurn load(DuckSession duck, Path truthUsers, Path truthManifest) {
        JsonNode params = Json.read(truthManifest).get("parameters");
        double h0 = params.get("base_daily_hazard").asDouble();
        LocalDate startDate = LocalDate.parse(params.get("start").asText());
        Instant start = startDate.atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, UserDynamics> users = new HashMap<>();
        duck.forEach("SELECT CAST(user_id AS VARCHAR), CAST(signup_date - DATE '" + startDate + "' AS INTEGER), base_rate, trend_per_year, hazard_multiplier FROM "
                + DuckSession.parquet(truthUsers), rs -> {
            int signupDay = rs.getInt(2);
            users.put(rs.getString(1), new UserDynamics(signupDay, rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), h0));
        });
        return new PlantedChurn(users, start);
    }

    /**
     * True P(no event in [c, c + H)) for each user, given their last event before c in {@code history}.
     * A user id unknown to the truth gets NaN.
     */
    public double[] probabilities(DuckSession duck, String history, Instant cutoff, int horizonDays, List<String> userIds) {
        Map<String, Instant> last = new HashMap<>();
        duck.forEach("SELECT user_id, epoch_us(max(ts)) FROM " + history + " WHERE ts < " + Sql.literal(cutoff.toString()) + "::TIMESTAMPTZ::TIMESTAMP GROUP BY user_id",
                rs -> last.put(rs.getString(1), Instant.EPOCH.plus(rs.getLong(2), java.time.temporal.ChronoUnit.MICROS)));
        int cutoffDay = dayOf(cutoff);
        double[] p = new double[userIds.size()];
        for (int i = 0; i < p.length; i++) {
            UserDynamics d = users.get(userIds.get(i));
            Instant l = last.get(userIds.get(i));
            p[i] = d == null || l == null ? Double.NaN : TrueChurnProbability.of(d, dayOf(l), cutoffDay, horizonDays);
        }
        return p;
    }

    private int dayOf(Instant t) {
        return (int) Math.floorDiv(Duration.between(start, t).getSeconds(), 86_400L);
    }
}
