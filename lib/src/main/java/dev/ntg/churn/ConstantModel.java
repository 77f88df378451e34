package dev.ntg.churn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.io.Json;

import java.util.Arrays;

/** The base-rate baseline: every user gets the churn rate of the training examples. */
public record ConstantModel(double rate) implements ChurnModel {
    @Override
    public String name() {
        return "base_rate";
    }

    @Override
    public double[] predict(double[][] z) {
        double[] p = new double[z.length];
        Arrays.fill(p, rate);
        return p;
    }

    @Override
    public ObjectNode describe() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("kind", "constant");
        o.put("rate", rate);
        return o;
    }
}
