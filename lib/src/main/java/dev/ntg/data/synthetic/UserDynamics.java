package dev.ntg.data.synthetic;

/**
 * One user's true daily process, rebuilt from the columns of {@code truth_users.parquet} (and
 * {@code base_daily_hazard} from {@code truth.json}), so later stages can ask for true churn probabilities
 * at any cutoff.
 *
 * @param signupDay        sign-up day relative to the service start (negative: before it)
 * @param baseRate         expected plays per day at the later of sign-up and start
 * @param trendPerYear     log-rate slope per year (negative: declining)
 * @param hazardMultiplier static hazard multiplier from satisfaction and decline
 * @param baseDailyHazard  daily hazard of an average user
 */
public record UserDynamics(int signupDay, double baseRate, double trendPerYear, double hazardMultiplier,
                           double baseDailyHazard) implements DailyProcess {
    @Override
    public double rate(int day) {
        return ServiceModel.dailyRate(baseRate, trendPerYear, signupDay, day);
    }

    @Override
    public double hazard(int day) {
        return ServiceModel.dailyHazard(baseDailyHazard, hazardMultiplier, day - signupDay);
    }
}
