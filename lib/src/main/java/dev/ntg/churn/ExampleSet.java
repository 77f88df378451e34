package dev.ntg.churn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Users at one or more cutoffs with their raw model features and labels (censored users left out). */
public record ExampleSet(List<Instant> cutoffs, List<String> users, double[][] x, int[] y) {
    public int size() {
        return y.length;
    }

    public int positives() {
        int c = 0;
        for (int v : y) c += v;
        return c;
    }

    /** Joins labels and features; labelled rows only when {@code labelledOnly}, else censored rows get y = −1. */
    public static ExampleSet of(LabeledUsers labels, Map<String, double[]> features, boolean labelledOnly) {
        List<Instant> cs = new ArrayList<>();
        List<String> us = new ArrayList<>();
        List<double[]> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            if (labelledOnly && labels.labels()[i] < 0) continue;
            double[] f = features.get(labels.users().get(i));
            if (f == null) throw new IllegalStateException("no features for eligible user " + labels.users().get(i));
            cs.add(labels.cutoff());
            us.add(labels.users().get(i));
            xs.add(f);
            ys.add(labels.labels()[i]);
        }
        return new ExampleSet(cs, us, xs.toArray(new double[0][]), ys.stream().mapToInt(Integer::intValue).toArray());
    }

    public static ExampleSet concat(List<ExampleSet> parts) {
        List<Instant> cs = new ArrayList<>();
        List<String> us = new ArrayList<>();
        List<double[]> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        for (ExampleSet s : parts) {
            cs.addAll(s.cutoffs);
            us.addAll(s.users);
            xs.addAll(List.of(s.x));
            for (int v : s.y) ys.add(v);
        }
        return new ExampleSet(cs, us, xs.toArray(new double[0][]), ys.stream().mapToInt(Integer::intValue).toArray());
    }

    public double[] labelsAsDouble() {
        double[] d = new double[y.length];
        for (int i = 0; i < y.length; i++) d[i] = y[i];
        return d;
    }
}
