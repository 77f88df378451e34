/**
 * Sparse-matrix building blocks shared by the stages that work on the user×item matrix in primitive arrays
 * (the graph kernel, the taste axes): below the stage packages, like {@code io} and {@code run}.
 */
package dev.ntg.sparse;
