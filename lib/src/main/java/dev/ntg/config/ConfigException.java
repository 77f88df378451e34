package dev.ntg.config;

import dev.ntg.NtgException;

/** A configuration problem, always naming where the offending value came from (file or --set) and its key. */
public final class ConfigException extends NtgException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
