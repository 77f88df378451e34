package dev.ntg.eval;

/** Mean |p − y|, summed in insertion order; with a planted probability as y, the mean distance to the truth. */
public final class MeanAbsoluteError extends MeanOfTerms {
    @Override
    double term(double p, double y) {
        return Math.abs(p - y);
    }
}
