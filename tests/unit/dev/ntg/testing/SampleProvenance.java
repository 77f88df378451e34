package dev.ntg.testing;

import dev.ntg.run.BuildInfo;
import dev.ntg.run.Provenance;
import dev.ntg.run.StageManifest;

import java.util.List;
import java.util.Set;

/** A provenance block for reports built in unit tests, without a stage run around them. */
public final class SampleProvenance {
    public static final String TRAIN_PATH = "data/processed/splits/train.parquet";
    public static final String SPLIT_MANIFEST_PATH = "data/processed/splits/split_manifest.json";

    private SampleProvenance() {
    }

    /** Config hash c…c; inputs TRAIN (hash 1…1, event data) and the split manifest (hash 2…2); outside git. */
    public static Provenance of() {
        return Provenance.of("c".repeat(64), List.of(new StageManifest.FileEntry("train", TRAIN_PATH, "1".repeat(64), null),
                new StageManifest.FileEntry("split_manifest", SPLIT_MANIFEST_PATH, "2".repeat(64), null)), Set.of(TRAIN_PATH),
                new BuildInfo.Git("unknown", false));
    }
}
