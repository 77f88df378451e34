package dev.ntg;

/**
 * An error the user can cause and fix: a missing file, a bad config value, a stage run out of order.
 * The CLI prints only its message (which names the file, key or line and says what to do), never a stack trace.
 */
public class NtgException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NtgException(String message) {
        super(message);
    }

    public NtgException(String message, Throwable cause) {
        super(message, cause);
    }
}
