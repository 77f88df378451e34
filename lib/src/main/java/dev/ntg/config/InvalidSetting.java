package dev.ntg.config;

/**
 * Thrown by a settings record's constructor when a value is out of range. It knows only the key relative to
 * its record; {@link ConfigLoader} adds the path to the record and the file the value came from.
 */
public final class InvalidSetting extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String key;

    public InvalidSetting(String key, String message) {
        super(key + ": " + message);
        this.key = key;
    }

    public String key() {
        return key;
    }

    public String reason() {
        return getMessage().substring(key.length() + 2);
    }
}
