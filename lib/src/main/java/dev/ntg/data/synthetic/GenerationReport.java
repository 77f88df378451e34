package dev.ntg.data.synthetic;

/**
 * What a generator run produced.
 *
 * @param events         plays written
 * @param expectedEvents the calibrated expectation (the target, up to rounding)
 * @param users          users simulated
 * @param items          items in the catalog
 * @param usersQuit      users who quit within the period
 * @param droppedPlays   plays that found no released item within the draw budget
 * @param churnTruthRows rows of the true churn probability table
 */
public record GenerationReport(long events, double expectedEvents, int users, int items, long usersQuit,
                               long droppedPlays, long churnTruthRows) {
}
