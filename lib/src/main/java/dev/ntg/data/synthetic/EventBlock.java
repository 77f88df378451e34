package dev.ntg.data.synthetic;

import java.util.Arrays;

/**
 * The plays and churn-truth rows of one block of consecutive users, in output order, on growable
 * primitive arrays. A worker fills a block; the writer appends it to DuckDB and drops it, so the heap holds
 * only the blocks in flight, never the whole event log.
 */
final class EventBlock {
    final int firstUser;
    final int userCount;
    int size;
    int[] user = new int[1024];
    int[] item = new int[1024];
    long[] epochSecond = new long[1024];
    /** Rating in half stars (2 = 1.0 ... 10 = 5.0). */
    byte[] halfSteps = new byte[1024];

    int churnRows;
    int[] churnUser = new int[64];
    int[] churnCutoff = new int[64];
    double[] churnProbability = new double[64];
    boolean[] churnQuitBefore = new boolean[64];
    /** 1: no play in the horizon, 0: a play, -1: horizon runs past the period (unknown). */
    byte[] churnObservedSilent = new byte[64];

    EventBlock(int firstUser, int userCount) {
        this.firstUser = firstUser;
        this.userCount = userCount;
    }

    void add(int userIndex, int itemIndex, long second, int half) {
        if (size == user.length) {
            int n = size * 2;
            user = Arrays.copyOf(user, n);
            item = Arrays.copyOf(item, n);
            epochSecond = Arrays.copyOf(epochSecond, n);
            halfSteps = Arrays.copyOf(halfSteps, n);
        }
        user[size] = userIndex;
        item[size] = itemIndex;
        epochSecond[size] = second;
        halfSteps[size] = (byte) half;
        size++;
    }

    void addChurn(int userIndex, int cutoffIndex, double p, boolean quitBefore, int observedSilent) {
        if (churnRows == churnUser.length) {
            int n = churnRows * 2;
            churnUser = Arrays.copyOf(churnUser, n);
            churnCutoff = Arrays.copyOf(churnCutoff, n);
            churnProbability = Arrays.copyOf(churnProbability, n);
            churnQuitBefore = Arrays.copyOf(churnQuitBefore, n);
            churnObservedSilent = Arrays.copyOf(churnObservedSilent, n);
        }
        churnUser[churnRows] = userIndex;
        churnCutoff[churnRows] = cutoffIndex;
        churnProbability[churnRows] = p;
        churnQuitBefore[churnRows] = quitBefore;
        churnObservedSilent[churnRows] = (byte) observedSilent;
        churnRows++;
    }
}
