package dev.ntg.data.synthetic;

/**
 * A user's day-by-day behaviour while subscribed: each day they play Poisson(rate(day)) items, then quit
 * for good with probability hazard(day). Days count from the service start.
 */
public interface DailyProcess {
    double rate(int day);

    double hazard(int day);
}
