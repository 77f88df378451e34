package dev.ntg.graph;

import dev.ntg.sparse.Transpose;

/**
 * User histories on primitive arrays: CSR user → items (each user's distinct items in time order, with their
 * timestamps and weights) and its transpose item → users (users in index order, with the position of the
 * interaction in the user row). Indices are dense: users 0..nUsers-1, items 0..nItems-1, both in id order.
 * The marginals the measures need are computed once here.
 */
public final class Interactions {
    final int nUsers;
    final int nItems;
    final int[] userPtr;
    final int[] items;
    /** Epoch milliseconds per interaction, or null when not needed (whole-history co-occurrence). */
    final long[] tsMillis;
    /** Weight per interaction, or null for binary weights (every weight 1). */
    final double[] weights;
    final int[] itemPtr;
    final int[] itemUsers;
    final int[] itemPos;
    /** c(i): users of item i (binary) or the sum of their weights. */
    final double[] itemMass;
    /** n: users (binary) or the sum over users of their largest weight. */
    final double userMass;

    private Interactions(int nUsers, int nItems, int[] userPtr, int[] items, long[] tsMillis, double[] weights) {
        this.nUsers = nUsers;
        this.nItems = nItems;
        this.userPtr = userPtr;
        this.items = items;
        this.tsMillis = tsMillis;
        this.weights = weights;
        Transpose t = Transpose.of(nUsers, nItems, userPtr, items);
        itemPtr = t.itemPtr();
        itemUsers = t.itemUsers();
        itemPos = t.itemPos();
        itemMass = new double[nItems];
        double n = 0;
        if (weights == null) {
            for (int i = 0; i < nItems; i++) itemMass[i] = itemPtr[i + 1] - itemPtr[i];
            for (int u = 0; u < nUsers; u++) if (userPtr[u + 1] > userPtr[u]) n += 1;
        } else {
            for (int i = 0; i < nItems; i++) {
                double m = 0;
                for (int p = itemPtr[i]; p < itemPtr[i + 1]; p++) m += weights[itemPos[p]];
                itemMass[i] = m;
            }
            for (int u = 0; u < nUsers; u++) {
                double max = 0;
                for (int q = userPtr[u]; q < userPtr[u + 1]; q++) max = Math.max(max, weights[q]);
                n += max;
            }
        }
        userMass = n;
    }

    /**
     * @param userPtr  row pointers (length nUsers + 1) into {@code items}
     * @param items    item index per interaction; within a user, in time order and without repeats
     * @param tsMillis epoch millis per interaction (ascending within a user), or null if not windowed
     * @param weights  positive weight per interaction, or null for binary
     */
    public static Interactions of(int nUsers, int nItems, int[] userPtr, int[] items, long[] tsMillis, double[] weights) {
        if (userPtr.length != nUsers + 1 || userPtr[nUsers] != items.length) throw new IllegalArgumentException("userPtr does not match items");
        if (tsMillis != null && tsMillis.length != items.length) throw new IllegalArgumentException("tsMillis length");
        if (weights != null && weights.length != items.length) throw new IllegalArgumentException("weights length");
        return new Interactions(nUsers, nItems, userPtr, items, tsMillis, weights);
    }

    /**
     * The same histories as a binary, whole-history matrix (no weights, no timestamps): what an outside
     * sparse X^T X sees, so the kernel can be timed against it on identical input.
     */
    public Interactions binary() {
        return weights == null && tsMillis == null ? this : new Interactions(nUsers, nItems, userPtr, items, null, null);
    }

    public int users() {
        return nUsers;
    }

    public int items() {
        return nItems;
    }

    public int interactions() {
        return items.length;
    }

    /** Users of item i (its degree in the bipartite graph). */
    public int itemDegree(int i) {
        return itemPtr[i + 1] - itemPtr[i];
    }

    /** Ordered pairs (i, j), i ≠ j, that whole-history counting visits: Σ_u n_u (n_u - 1). */
    public long wholeHistoryPairs() {
        long s = 0;
        for (int u = 0; u < nUsers; u++) {
            long d = userPtr[u + 1] - userPtr[u];
            s += d * (d - 1);
        }
        return s;
    }
}
