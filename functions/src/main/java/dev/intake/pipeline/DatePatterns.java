package dev.intake.pipeline;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * Turns the date patterns people write ({@code dd/MM/yyyy}) into strict formatters. Strict
 * resolving refuses {@code 31/02/2021}; it also reads {@code yyyy} as year-of-era and then asks
 * for an era, so year letters are read as the proleptic year {@code u}, which means the same for
 * every date a file holds.
 */
public final class DatePatterns {

    private static final LocalDate PROBE = LocalDate.of(2021, 4, 3);

    private DatePatterns() {}

    /** A strict formatter; throws IllegalArgumentException naming the fault. */
    public static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern.replace('y', 'u'), Locale.ROOT)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /**
     * Why a date pattern cannot read dates (it does not compile, or lacks a year, month or day),
     * or null when it can.
     */
    public static String problemWithDatePattern(String pattern) {
        DateTimeFormatter formatter;
        try {
            formatter = strict(pattern);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        try {
            LocalDate back = LocalDate.parse(PROBE.format(formatter), formatter);
            return back.equals(PROBE) ? null : "it does not hold a whole date";
        } catch (java.time.DateTimeException e) {
            return "it needs a year, a month and a day";
        }
    }
}
