/**
 * Running work on several threads without letting the thread count reach the results: below every stage
 * package, like {@code io} and {@code sparse}, so the graph kernel, the rankers and the bootstrap share one way
 * of fanning out, waiting and passing a task's failure back unwrapped.
 */
package dev.ntg.concurrent;
