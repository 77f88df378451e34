package dev.ntg.churn;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A fitted model mapping standardized features to an (uncalibrated) churn probability. */
public interface ChurnModel {
    /** Short name used in the report and the selection: logistic, gbt, recency, base_rate. */
    String name();

    double[] predict(double[][] z);

    /** Readable parameters for model.json. */
    ObjectNode describe();
}
