package dev.ntg.report;

/**
 * One headline number of the run, with its interval when the producing stage computed one, and a sentence that
 * says what it means.
 *
 * @param key      stable identifier, e.g. {@code ranking.ntg.ndcg@10}
 * @param label    what is measured, for a table row
 * @param estimate the point estimate
 * @param lower    lower end of the 95% interval, or null when the report gives none
 * @param upper    upper end, or null
 * @param unit     unit of the number (e.g. {@code 0–1}, {@code currency units})
 * @param sentence one sentence of interpretation
 * @param source   the report it comes from (path relative to the work dir)
 */
public record Headline(String key, String label, double estimate, Double lower, Double upper, String unit, String sentence, String source) {
    public boolean hasInterval() {
        return lower != null && upper != null;
    }
}
