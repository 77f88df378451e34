package dev.ntg.data.synthetic;

import java.nio.file.Path;

/** Where the generator writes: the service's own data, and the ground truth kept apart from it. */
public record SyntheticOutputs(Path events, Path items, Path truthUsers, Path truthItems, Path truthChurn,
                               Path truthManifest) {
    /** The standard file names under one folder each (tests and notebooks). */
    public static SyntheticOutputs under(Path rawDir, Path truthDir) {
        return new SyntheticOutputs(rawDir.resolve("events.parquet"), rawDir.resolve("items.parquet"),
                truthDir.resolve("users.parquet"), truthDir.resolve("items.parquet"), truthDir.resolve("churn.parquet"),
                truthDir.resolve("truth.json"));
    }
}
