package dev.ntg.leakage;

/** What an artifact is allowed to depend on, which is what the tamper test checks. */
public enum LeakageRole {
    /** Fitted or aggregated on TRAIN: must not move whatever happens to VAL or TEST. */
    FITTED,
    /** A choice tuned on VAL (blend weights, model selection, plans built from it): may move with VAL, never with TEST. */
    VAL_TUNED,
    /** A metric or restatement of metrics on VAL or TEST: may move when either window changes. */
    EVALUATION;

    /** Whether rewriting {@code window} (VAL or TEST) must leave an artifact of this role byte-identical. */
    public boolean mustNotMoveWhenRewriting(SplitWindow window) {
        return switch (this) {
            case FITTED -> true;
            case VAL_TUNED -> window == SplitWindow.TEST;
            case EVALUATION -> false;
        };
    }
}
