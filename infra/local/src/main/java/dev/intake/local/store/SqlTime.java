package dev.intake.local.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times as stored in the database: ISO-8601 UTC text with nine fraction digits. The fixed width
 * makes text order equal time order ({@link Instant#toString()} drops trailing zeros, which breaks
 * that) and keeps every nanosecond, while {@code sqlite3} users can still read and compare them.
 */
final class SqlTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private SqlTime() {}

    static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }

    static Instant parse(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
