package dev.intake.asl.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * RFC 3339 timestamps as AWS accepts them: uppercase {@code T}, a {@code Z} or numeric offset,
 * optional fraction of any length; no missing zone, no space separator, no out-of-range fields.
 */
public final class Timestamps {

    private static final Pattern RFC3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

    private Timestamps() {
    }

    /** The instant, or empty when {@code text} is not an RFC 3339 timestamp. */
    public static Optional<Instant> parse(String text) {
        if (!RFC3339.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
