package dev.ntg.taste;

/**
 * Users' taste profiles: the mean loading vector of the items a user consumed in TRAIN (each distinct item once),
 * shrunk toward the population's mean profile (the mean over all interactions) with {@code smoothing}
 * pseudo-items, so a user with two items is mostly "like everyone" and a user with two hundred is mostly themself.
 *
 * @param scores     scores[u][a], summing to 1 over a
 * @param dominant   axis of the largest score
 * @param diversity  entropy of the profile divided by ln K (0: one axis only, 1: spread evenly); 0 when K = 1
 * @param population the population's mean profile
 */
public record TasteProfiles(double[][] scores, int[] dominant, double[] diversity, double[] population) {

    public static TasteProfiles of(TasteData d, double[][] loadings, int k, double smoothing) {
        double[] pop = new double[k];
        for (int q = 0; q < d.items.length; q++) {
            double[] l = loadings[d.items[q]];
            for (int a = 0; a < k; a++) pop[a] += l[a];
        }
        for (int a = 0; a < k; a++) pop[a] /= d.items.length;
        double[][] scores = new double[d.nUsers][];
        int[] dominant = new int[d.nUsers];
        double[] diversity = new double[d.nUsers];
        double logK = Math.log(k);
        for (int u = 0; u < d.nUsers; u++) {
            double[] s = new double[k];
            for (int q = d.userPtr[u]; q < d.userPtr[u + 1]; q++) {
                double[] l = loadings[d.items[q]];
                for (int a = 0; a < k; a++) s[a] += l[a];
            }
            double n = d.userPtr[u + 1] - d.userPtr[u];
            double h = 0;
            for (int a = 0; a < k; a++) {
                s[a] = (s[a] + smoothing * pop[a]) / (n + smoothing);
                if (s[a] > 0) h -= s[a] * Math.log(s[a]);
            }
            scores[u] = s;
            dominant[u] = SpectralAxes.argmax(s);
            diversity[u] = k == 1 ? 0 : Math.min(1, Math.max(0, h / logK));
        }
        return new TasteProfiles(scores, dominant, diversity, pop);
    }

    /** Share of users whose dominant axis is a. */
    public double[] userShares() {
        int k = population.length;
        double[] s = new double[k];
        for (int a : dominant) s[a]++;
        for (int a = 0; a < k; a++) s[a] = dominant.length == 0 ? 0 : s[a] / dominant.length;
        return s;
    }
}
