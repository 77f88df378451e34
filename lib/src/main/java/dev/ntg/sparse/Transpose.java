package dev.ntg.sparse;

/**
 * The column view (CSC) of a user→item CSR pattern, built by a counting sort. Users are walked in index order,
 * so each item's users come out ascending: every sum over an item's users then has one fixed order, which is
 * what keeps the graph and taste kernels byte-identical whatever the thread count.
 *
 * @param itemPtr   item i's users are at {@code itemUsers[itemPtr[i] .. itemPtr[i+1])}
 * @param itemUsers the users of each item, ascending
 * @param itemPos   for each CSC entry, its position in the CSR arrays (to reach per-entry weights or times)
 */
public record Transpose(int[] itemPtr, int[] itemUsers, int[] itemPos) {

    /** @param userPtr CSR row pointers (length nUsers + 1); @param items the item of each CSR entry */
    public static Transpose of(int nUsers, int nItems, int[] userPtr, int[] items) {
        int nnz = items.length;
        int[] itemPtr = new int[nItems + 1];
        for (int q = 0; q < nnz; q++) itemPtr[items[q] + 1]++;
        for (int i = 0; i < nItems; i++) itemPtr[i + 1] += itemPtr[i];
        int[] fill = new int[nItems];
        int[] itemUsers = new int[nnz];
        int[] itemPos = new int[nnz];
        for (int u = 0; u < nUsers; u++) {
            for (int q = userPtr[u]; q < userPtr[u + 1]; q++) {
                int i = items[q];
                int at = itemPtr[i] + fill[i]++;
                itemUsers[at] = u;
                itemPos[at] = q;
            }
        }
        return new Transpose(itemPtr, itemUsers, itemPos);
    }
}
