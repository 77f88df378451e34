package dev.ntg.eval.ranking;

import java.util.Arrays;

/**
 * One user's relevant items in a window: the distinct items consumed there that are not in the user's TRAIN
 * history. Items known to TRAIN are held as catalog indices; items that appear only in the window (cold start)
 * cannot be recommended but still count in {@link #size()}, so recall is not flattered by dropping them.
 */
public final class RelevantSet {
    private final int[] warm;
    private final int cold;

    private RelevantSet(int[] warm, int cold) {
        this.warm = warm;
        this.cold = cold;
    }

    /** @param warmItems catalog indices (any order, no repeats); @param coldItems count of window-only items */
    public static RelevantSet of(int[] warmItems, int coldItems) {
        int[] w = warmItems.clone();
        Arrays.sort(w);
        for (int i = 1; i < w.length; i++) if (w[i] == w[i - 1]) throw new IllegalArgumentException("repeated relevant item " + w[i]);
        if (coldItems < 0) throw new IllegalArgumentException("cold items < 0");
        return new RelevantSet(w, coldItems);
    }

    public boolean contains(int item) {
        return Arrays.binarySearch(warm, item) >= 0;
    }

    /** All relevant items, cold ones included. */
    public int size() {
        return warm.length + cold;
    }

    public int warmCount() {
        return warm.length;
    }

    public int coldCount() {
        return cold;
    }

    /** The relevant catalog indices, ascending (a copy). */
    public int[] warmItems() {
        return warm.clone();
    }
}
