package dev.ntg.report;

/**
 * One check of the leakage contract that can be read off the artifacts of a finished run.
 *
 * @param check  what must hold
 * @param passed whether it does
 * @param detail the evidence (values compared, files read)
 */
public record LeakageCheck(String check, boolean passed, String detail) {
}
