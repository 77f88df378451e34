package dev.ntg.churn;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.io.Json;
import smile.classification.IsotonicRegressionScaling;
import smile.classification.PlattScaling;

import java.lang.reflect.Field;

/**
 * Maps a model's raw probability to a calibrated one. Platt scaling (Smile) fits a logistic curve on the raw
 * log-odds; isotonic regression (Smile, pool-adjacent-violators) fits a non-decreasing step function. Both are
 * fitted on the calibration slice of TRAIN, never on VAL or TEST.
 */
public interface Calibrator {
    String name();

    double apply(double raw);

    ObjectNode describe();

    default double[] apply(double[] raw) {
        double[] out = new double[raw.length];
        for (int i = 0; i < raw.length; i++) out[i] = apply(raw[i]);
        return out;
    }

    static Calibrator none() {
        return new None();
    }

    static Calibrator platt(double[] raw, int[] y) {
        double[] s = new double[raw.length];
        for (int i = 0; i < raw.length; i++) s[i] = logit(raw[i]);
        return new Platt(PlattScaling.fit(s, y));
    }

    static Calibrator isotonic(double[] raw, int[] y) {
        return new Isotonic(IsotonicRegressionScaling.fit(raw, y));
    }

    static double logit(double p) {
        double q = Math.min(1 - 1e-12, Math.max(1e-12, p));
        return Math.log(q / (1 - q));
    }

    private static Object field(Object o, String name) {
        try {
            Field f = o.getClass().getDeclaredField(name);
            f.setAccessible(true);
            return f.get(o);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + name + " of " + o.getClass().getName(), e);
        }
    }

    /** The raw probability unchanged. */
    final class None implements Calibrator {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public double apply(double raw) {
            return raw;
        }

        @Override
        public ObjectNode describe() {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("kind", "identity");
            return o;
        }
    }

    /** p = 1 / (1 + exp(alpha · logit(raw) + beta)). */
    final class Platt implements Calibrator {
        private final PlattScaling scaling;

        Platt(PlattScaling scaling) {
            this.scaling = scaling;
        }

        @Override
        public String name() {
            return "platt";
        }

        @Override
        public double apply(double raw) {
            return scaling.scale(logit(raw));
        }

        @Override
        public ObjectNode describe() {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("kind", "platt");
            o.put("formula", "1 / (1 + exp(alpha * logit(raw) + beta))");
            o.put("alpha", (double) field(scaling, "alpha"));
            o.put("beta", (double) field(scaling, "beta"));
            return o;
        }
    }

    /** A non-decreasing step function of the raw probability. */
    final class Isotonic implements Calibrator {
        private final IsotonicRegressionScaling scaling;

        Isotonic(IsotonicRegressionScaling scaling) {
            this.scaling = scaling;
        }

        @Override
        public String name() {
            return "isotonic";
        }

        @Override
        public double apply(double raw) {
            return Math.min(1, Math.max(0, scaling.predict(raw)));
        }

        @Override
        public ObjectNode describe() {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("kind", "isotonic");
            o.put("rule", "step function over the bucket edges of the raw probability (Smile IsotonicRegressionScaling.predict)");
            ArrayNode b = o.putArray("bucket_edges");
            for (double v : (double[]) field(scaling, "buckets")) b.add(v);
            ArrayNode p = o.putArray("probabilities");
            for (double v : (double[]) field(scaling, "prob")) p.add(v);
            return o;
        }
    }
}
