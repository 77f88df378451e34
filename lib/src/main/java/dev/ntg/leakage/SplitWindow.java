package dev.ntg.leakage;

import dev.ntg.io.Artifact;
import dev.ntg.io.PathCatalog;

/** An evaluation window of the chronological split, as the tamper test rewrites it. */
public enum SplitWindow {
    VAL(PathCatalog.VAL),
    TEST(PathCatalog.TEST);

    private final Artifact part;

    SplitWindow(Artifact part) {
        this.part = part;
    }

    public Artifact part() {
        return part;
    }
}
