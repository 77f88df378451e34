package dev.ntg.data.synthetic;

import java.util.SplittableRandom;

/**
 * The users and their latent traits. Activity is log-normal (mean 1) times one scale chosen so that the
 * expected number of plays over the period, after churn, equals the target: the expectation is computed
 * exactly from each user's rate and survival curve, so the realised total misses only by sampling noise.
 * Users are indexed from 0; their ids are index + 1.
 */
final class Audience {
    final int users;
    final int genres;
    final int[] signupDay;
    /** Expected plays per day at the later of sign-up and start (after calibration). */
    final double[] baseRate;
    final double[] trendPerYear;
    final boolean[] declining;
    final double[] satisfaction;
    final double[] hazardMultiplier;
    final boolean[] halfStars;
    /** users × genres, row-major. */
    final double[] taste;
    final double activityScale;
    final double expectedEvents;

    private Audience(int users, int genres, int[] signupDay, double[] baseRate, double[] trendPerYear,
                     boolean[] declining, double[] satisfaction, double[] hazardMultiplier, boolean[] halfStars,
                     double[] taste, double activityScale, double expectedEvents) {
        this.users = users;
        this.genres = genres;
        this.signupDay = signupDay;
        this.baseRate = baseRate;
        this.trendPerYear = trendPerYear;
        this.declining = declining;
        this.satisfaction = satisfaction;
        this.hazardMultiplier = hazardMultiplier;
        this.halfStars = halfStars;
        this.taste = taste;
        this.activityScale = activityScale;
        this.expectedEvents = expectedEvents;
    }

    static Audience generate(long seed, int users, int genres, int days, double activitySigma, double baseDailyHazard,
                             long targetEvents) {
        int[] signupDay = new int[users];
        double[] weight = new double[users];
        double[] trend = new double[users];
        boolean[] declining = new boolean[users];
        double[] satisfaction = new double[users];
        double[] hazardMultiplier = new double[users];
        boolean[] halfStars = new boolean[users];
        double[] taste = new double[users * genres];
        double unitEvents = 0;
        for (int u = 0; u < users; u++) {
            SplittableRandom rng = SeedStreams.of(seed, SeedStreams.USER_PROFILE, u + 1L);
            signupDay[u] = rng.nextDouble() < ServiceModel.PRE_START_SHARE
                    ? -1 - rng.nextInt(ServiceModel.PRE_START_SIGNUP_DAYS)
                    : rng.nextInt(days);
            weight[u] = Math.exp(activitySigma * Draws.normal(rng) - 0.5 * activitySigma * activitySigma);
            declining[u] = rng.nextDouble() < ServiceModel.DECLINER_SHARE;
            trend[u] = declining[u]
                    ? -(ServiceModel.DECLINE_MIN + (ServiceModel.DECLINE_MAX - ServiceModel.DECLINE_MIN) * rng.nextDouble())
                    : ServiceModel.DRIFT_SD * Draws.normal(rng);
            satisfaction[u] = Draws.normal(rng);
            hazardMultiplier[u] = ServiceModel.hazardMultiplier(satisfaction[u], trend[u]);
            halfStars[u] = rng.nextDouble() < ServiceModel.HALF_STAR_SHARE;
            Draws.dirichlet(rng, ServiceModel.TASTE_ALPHA, taste, u * genres, genres);
            unitEvents += weight[u] * expectedActiveRateSum(signupDay[u], trend[u], hazardMultiplier[u], baseDailyHazard, days);
        }
        double scale = unitEvents > 0 ? targetEvents / unitEvents : 0;
        double[] baseRate = new double[users];
        for (int u = 0; u < users; u++) baseRate[u] = scale * weight[u];
        return new Audience(users, genres, signupDay, baseRate, trend, declining, satisfaction, hazardMultiplier,
                halfStars, taste, scale, scale * unitEvents);
    }

    /** Σ over observed days of (rate multiplier × probability of still being subscribed that morning). */
    private static double expectedActiveRateSum(int signup, double trend, double multiplier, double h0, int days) {
        double survival = 1.0;
        double sum = 0;
        for (int d = Math.max(signup, 0); d < days && survival > 1e-12; d++) {
            sum += survival * ServiceModel.dailyRate(1.0, trend, signup, d);
            survival *= 1.0 - ServiceModel.dailyHazard(h0, multiplier, d - signup);
        }
        return sum;
    }

    UserDynamics dynamics(int u, double baseDailyHazard) {
        return new UserDynamics(signupDay[u], baseRate[u], trendPerYear[u], hazardMultiplier[u], baseDailyHazard);
    }
}
