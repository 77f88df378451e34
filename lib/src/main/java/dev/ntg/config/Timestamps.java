package dev.ntg.config;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses the instants users write in configs: an ISO date ("2024-01-31") or an ISO instant with offset. */
public final class Timestamps {
    private Timestamps() {
    }

    public static Instant parseSetting(String key, String text) {
        try {
            if (text.length() == 10) return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidSetting(key, "must be an ISO date (2024-01-31) or instant (2024-01-31T00:00:00Z), got '" + text + "'");
        }
    }
}
