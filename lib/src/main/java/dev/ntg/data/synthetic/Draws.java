package dev.ntg.data.synthetic;

import java.util.SplittableRandom;

/** The few distributions the generator needs, on {@link SplittableRandom} so every draw is reproducible. */
final class Draws {
    private Draws() {
    }

    static double normal(SplittableRandom rng) {
        // Box-Muller on our own uniforms rather than nextGaussian(), whose algorithm the JDK may change.
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** Marsaglia-Tsang; shapes below 1 use the boost Gamma(a) = Gamma(a+1)·U^(1/a). */
    static double gamma(SplittableRandom rng, double shape) {
        if (shape < 1.0) {
            double u = 1.0 - rng.nextDouble();
            return gamma(rng, shape + 1.0) * Math.pow(u, 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x = normal(rng);
            double v = 1.0 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = 1.0 - rng.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
        }
    }

    /** A symmetric Dirichlet(alpha) vector written into {@code out[offset .. offset+k)}. */
    static void dirichlet(SplittableRandom rng, double alpha, double[] out, int offset, int k) {
        double sum = 0;
        for (int g = 0; g < k; g++) {
            double x = gamma(rng, alpha);
            out[offset + g] = x;
            sum += x;
        }
        if (!(sum > 0)) {
            // All draws underflowed (tiny alpha): fall back to one random genre, which is the alpha -> 0 limit.
            for (int g = 0; g < k; g++) out[offset + g] = 0;
            out[offset + rng.nextInt(k)] = 1;
            return;
        }
        for (int g = 0; g < k; g++) out[offset + g] /= sum;
    }

    /** Poisson: multiplication method for small means, PTRS (Hörmann 1993) for large ones. */
    static int poisson(SplittableRandom rng, double mean) {
        if (mean <= 0) return 0;
        if (mean < 12) {
            double limit = Math.exp(-mean);
            double p = rng.nextDouble();
            int k = 0;
            while (p > limit) {
                p *= rng.nextDouble();
                k++;
            }
            return k;
        }
        double slam = Math.sqrt(mean);
        double logLam = Math.log(mean);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = 1.0 - rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            int k = (int) Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) return k;
            if (k < 0 || (us < 0.013 && v > us)) continue;
            double lhs = Math.log(v * invAlpha / (a / (us * us) + b));
            double rhs = -mean + k * logLam - logFactorial(k);
            if (lhs <= rhs) return k;
        }
    }

    private static double logFactorial(int k) {
        if (k < 2) return 0;
        // Stirling series; exact enough (error < 1e-10) for the k >= 2 PTRS needs.
        double x = k + 1.0;
        return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1.0 / (12 * x) - 1.0 / (360 * x * x * x);
    }
}
