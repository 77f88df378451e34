/**
 * The embedded synthetic streaming service: a reproducible stand-in for a real event log that also knows
 * the truth later stages are scored against. A catalog of items has Zipf popularity, a release day, a
 * sparse Dirichlet mixture over named genres and a latent quality. Users sign up over (or before) the
 * period with log-normal activity, a Dirichlet taste over genres, a satisfaction level and an activity
 * trend. Each subscribed day a user plays Poisson(rate) items, chosen by taste × popularity through alias
 * tables (with some exploration and few re-watches) and rated from satisfaction, quality and taste match,
 * then quits for good with a daily hazard raised by low satisfaction, declining activity and short tenure.
 * Users are simulated independently from random streams keyed by (seed, user), in blocks on worker
 * threads, and streamed to DuckDB, so any scale runs in bounded memory and the output does not depend on
 * the thread count. Beside the events and catalog metadata, the generator writes the latent truth: user and
 * item parameters, and the true probability of a silent horizon after each cutoff
 * ({@link dev.ntg.data.synthetic.TrueChurnProbability}).
 */
package dev.ntg.data.synthetic;
