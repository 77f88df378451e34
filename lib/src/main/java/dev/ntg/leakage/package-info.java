/**
 * The tamper test as a product feature: rewrite VAL or TEST in a scratch copy of a finished run, rerun every stage
 * after the split, and prove that what was fitted on TRAIN (and, for TEST, what was tuned on VAL) did not move by a
 * byte. {@link dev.ntg.leakage.LeakageRoles} says which role each artifact plays; {@link dev.ntg.leakage.TamperCheck}
 * runs the cases and writes {@code outputs/reports/leakage_check.json}.
 */
package dev.ntg.leakage;
