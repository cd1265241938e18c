package dev.intake.pipeline;

import dev.intake.job.JobDefinition.Field;
import dev.intake.job.JobDefinition.FieldType;
import dev.intake.port.ShortDecimal;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of one field, prepared once per run: the pattern compiled, date formatters built,
 * enum values indexed. Checks a trimmed value and returns it typed. Not thread-safe: it reuses a
 * matcher and a buffer, so each thread validating rows needs its own {@link RecordValidator}.
 */
final class FieldCheck {

    /** The longest value a field without maxLength may hold, so one row stays storable. */
    static final int DEFAULT_MAX_LENGTH = 8_192;

    private static final int LONG_DIGITS = 18;

    /** Decimals of scale 0 to 18, the ones read from short numbers, have their bounds ready. */
    private static final int PREPARED_SCALES = ShortDecimal.MAX_DIGITS + 1;

    private final Field field;
    private final boolean required;
    private final Matcher pattern;
    private final SimplePattern simplePattern;
    private final int maxLength;
    private final DecimalSyntax decimals;
    private final List<DateTimeFormatter> dateFormats;
    private final Map<String, String> enumValues = new HashMap<>();
    // The bounds rounded inwards to each scale: min up, max down; null without that bound, and
    // both null when a bound is too far out to round (then every value is compared exactly).
    private final boolean boundsPrepared;
    private final BigDecimal[] minAtScale;
    private final BigDecimal[] maxAtScale;
    // The same at scale 0 as longs: the whole numbers in range, or an empty range when a bound
    // is not prepared or not a long.
    private final long wholeMin;
    private final long wholeMax;

    FieldCheck(Field field, boolean key, Locale locale) {
        this.field = field;
        this.required = field.required() || key;
        this.pattern = field.pattern() == null ? null
                : Pattern.compile(field.pattern()).matcher("");
        this.simplePattern = field.pattern() == null ? null : SimplePattern.of(field.pattern());
        this.maxLength = field.maxLength() == null ? DEFAULT_MAX_LENGTH : field.maxLength();
        this.decimals = new DecimalSyntax(locale);
        List<String> formats = field.formats().isEmpty() ? List.of("yyyy-MM-dd") : field.formats();
        this.dateFormats = formats.stream().map(DatePatterns::strict).toList();
        for (String value : field.values()) {
            enumValues.put(value.toLowerCase(Locale.ROOT), value);
        }
        this.boundsPrepared = isOrdinary(field.min()) && isOrdinary(field.max());
        this.minAtScale = boundsPrepared ? atEachScale(field.min(), RoundingMode.CEILING) : null;
        this.maxAtScale = boundsPrepared ? atEachScale(field.max(), RoundingMode.FLOOR) : null;
        Long low = minAtScale == null ? Long.valueOf(Long.MIN_VALUE) : longOrNull(minAtScale[0]);
        Long high = maxAtScale == null ? Long.valueOf(Long.MAX_VALUE) : longOrNull(maxAtScale[0]);
        boolean whole = boundsPrepared && low != null && high != null;
        this.wholeMin = whole ? low : 1;
        this.wholeMax = whole ? high : 0;
    }

    /**
     * Whether a bound (or its absence) can be rounded at every prepared scale cheaply: at most
     * 19 integer digits and 36 decimals. A bound such as 1e1000000000, which a job may write for
     * "no real limit", would need a number of a billion digits.
     */
    private static boolean isOrdinary(BigDecimal bound) {
        return bound == null || bound.signum() == 0
                || (bound.precision() - (long) bound.scale() <= LONG_DIGITS + 1
                        && bound.scale() <= 2 * LONG_DIGITS);
    }

    /**
     * A bound at each scale a decimal may have, rounded towards the inside of the range. A
     * decimal of scale s is a whole number of 10^-s, so it is below the minimum exactly when it
     * is below the smallest such number not below the minimum (the minimum rounded up at scale
     * s), and likewise above the maximum rounded down. Compared at the same scale, BigDecimal
     * compares two longs, where a different scale made it rescale for every value.
     */
    private static BigDecimal[] atEachScale(BigDecimal bound, RoundingMode inwards) {
        if (bound == null) {
            return null;
        }
        BigDecimal[] atScale = new BigDecimal[PREPARED_SCALES];
        for (int scale = 0; scale < PREPARED_SCALES; scale++) {
            atScale[scale] = bound.setScale(scale, inwards);
        }
        return atScale;
    }

    /**
     * A bound rounded to a whole number as a long, or null when it is beyond a long. A whole
     * number is then within the bounds exactly when it is between these longs, without a
     * BigDecimal for each value; a number outside still goes through the BigDecimal check, which
     * words the error.
     */
    private static Long longOrNull(BigDecimal bound) {
        try {
            return bound.longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    String name() {
        return field.name();
    }

    /**
     * The typed value, or null when the field is empty and optional, or when it fails (then an
     * error is added to {@code errors}).
     */
    Object check(String raw, long line, List<RowError> errors) {
        String value = raw.strip();
        if (value.isEmpty()) {
            if (required) {
                errors.add(error(line, RowError.REQUIRED, "is required; give a value"));
            }
            return null;
        }
        if (value.length() > maxLength && value.codePointCount(0, value.length()) > maxLength) {
            errors.add(error(line, RowError.TOO_LONG, "has " + value.length()
                    + " characters, more than the " + maxLength + " allowed"));
            return null;
        }
        // The whole value must match, anchors or not: "[0-9]{5}" must not pass "021380".
        if (pattern != null && !matchesPattern(value)) {
            errors.add(error(line, RowError.PATTERN_MISMATCH, RowError.quote(value)
                    + " does not match pattern " + field.pattern()));
            return null;
        }
        return convert(value, line, errors);
    }

    private boolean matchesPattern(String value) {
        return simplePattern != null ? simplePattern.matches(value)
                : pattern.reset(value).matches();
    }

    private Object convert(String value, long line, List<RowError> errors) {
        return switch (field.type()) {
            case STRING -> value;
            case INTEGER -> inRange(integer(value, line, errors), value, line, errors);
            case DECIMAL -> inRange(decimal(value, line, errors), value, line, errors);
            case BOOLEAN -> bool(value, line, errors);
            case DATE -> date(value, line, errors);
            case TIMESTAMP -> timestamp(value, line, errors);
            case EMAIL -> email(value, line, errors);
            case ENUM -> enumValue(value, line, errors);
            case URL -> url(value, line, errors);
        };
    }

    private Long integer(String value, long line, List<RowError> errors) {
        int start = value.charAt(0) == '-' || value.charAt(0) == '+' ? 1 : 0;
        boolean digits = value.length() > start;
        for (int i = start; i < value.length() && digits; i++) {
            char c = value.charAt(i);
            digits = c >= '0' && c <= '9';
        }
        if (!digits) {
            errors.add(error(line, RowError.INVALID_INTEGER, RowError.quote(value)
                    + " is not a whole number; write digits only, such as 42"
                    + (value.indexOf('E') >= 0 || value.indexOf('e') >= 0
                    ? " (a spreadsheet may have shortened it to scientific notation)" : "")));
            return null;
        }
        if (value.length() - start <= LONG_DIGITS) {
            return Long.parseLong(value);
        }
        return whole(new BigInteger(value), value, line, errors);
    }

    /**
     * Whole numbers are signed 64-bit, as SQLite INTEGER and most consumers of the destination
     * hold them; a larger one would be refused by the destination with no field to name.
     */
    private Long whole(BigInteger number, String value, long line, List<RowError> errors) {
        if (number.bitLength() >= Long.SIZE) {
            errors.add(error(line, RowError.INVALID_INTEGER, RowError.quote(value)
                    + " is outside the whole-number range " + Long.MIN_VALUE + " to "
                    + Long.MAX_VALUE + "; declare the field as decimal or string"));
            return null;
        }
        return number.longValue();
    }

    private BigDecimal decimal(String value, long line, List<RowError> errors) {
        BigDecimal number = decimals.parse(value);
        if (number == null) {
            errors.add(error(line, RowError.INVALID_DECIMAL, RowError.quote(value)
                    + " is not a decimal number; write it like " + decimals.example()
                    + (field.type() == FieldType.DECIMAL ? ", or declare format.locale" : "")));
        }
        return number;
    }

    private Object inRange(Number number, String value, long line, List<RowError> errors) {
        if (number == null || (field.min() == null && field.max() == null)) {
            return number;
        }
        if (number instanceof Long whole && wholeMin <= whole && whole <= wholeMax) {
            return number;
        }
        // Whole numbers are Long once checked (64-bit), decimals BigDecimal.
        BigDecimal exact = number instanceof BigDecimal d
                ? d
                : BigDecimal.valueOf(number.longValue());
        int scale = exact.scale();
        if (boundsPrepared && scale >= 0 && scale < PREPARED_SCALES) {
            boolean below = minAtScale != null && exact.compareTo(minAtScale[scale]) < 0;
            boolean above = maxAtScale != null && exact.compareTo(maxAtScale[scale]) > 0;
            if (!below && !above) {
                return number;
            }
        }
        if (field.min() != null && exact.compareTo(field.min()) < 0) {
            errors.add(error(line, RowError.BELOW_MIN, RowError.quote(value)
                    + " is below the minimum " + field.min().toPlainString()));
            return null;
        }
        if (field.max() != null && exact.compareTo(field.max()) > 0) {
            errors.add(error(line, RowError.ABOVE_MAX, RowError.quote(value)
                    + " is above the maximum " + field.max().toPlainString()));
            return null;
        }
        return number;
    }

    private Boolean bool(String value, long line, List<RowError> errors) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> {
                return Boolean.TRUE;
            }
            case "false", "no", "n", "0" -> {
                return Boolean.FALSE;
            }
            default -> {
                errors.add(error(line, RowError.INVALID_BOOLEAN, RowError.quote(value)
                        + " is not a boolean; write true or false (or yes/no, 1/0)"));
                return null;
            }
        }
    }

    /** A date stays the calendar date written: no time zone is involved at any point. */
    private String date(String value, long line, List<RowError> errors) {
        for (DateTimeFormatter format : dateFormats) {
            try {
                return LocalDate.parse(value, format).toString();
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        String formats = field.formats().isEmpty() ? "yyyy-MM-dd"
                : String.join(" or ", field.formats());
        errors.add(error(line, RowError.INVALID_DATE, RowError.quote(value)
                + " is not a date in the format " + formats));
        return null;
    }

    /** Normalised to the UTC instant, so that equal moments compare equal whatever the offset. */
    private String timestamp(String value, long line, List<RowError> errors) {
        String iso = value.length() > 10 && value.charAt(10) == ' '
                ? value.substring(0, 10) + 'T' + value.substring(11) : value;
        try {
            return OffsetDateTime.parse(iso).toInstant().toString();
        } catch (DateTimeParseException e) {
            boolean local = parsesAsLocal(iso);
            errors.add(error(line, RowError.INVALID_TIMESTAMP, RowError.quote(value) + (local
                    ? " has no time zone; add Z or an offset, such as 2024-04-09T10:15:00+02:00"
                    : " is not a timestamp; write it like 2024-04-09T10:15:00Z")));
            return null;
        }
    }

    private static boolean parsesAsLocal(String value) {
        try {
            LocalDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private String email(String value, long line, List<RowError> errors) {
        if (EmailSyntax.isValid(value)) {
            return value;
        }
        errors.add(error(line, RowError.INVALID_EMAIL, RowError.quote(value)
                + " is not an email address; write it like name@example.com"));
        return null;
    }

    private String enumValue(String value, long line, List<RowError> errors) {
        String canonical = enumValues.get(value.toLowerCase(Locale.ROOT));
        if (canonical == null) {
            errors.add(error(line, RowError.INVALID_ENUM, RowError.quote(value)
                    + " is not one of " + String.join(", ", field.values())));
        }
        return canonical;
    }

    private String url(String value, long line, List<RowError> errors) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        errors.add(error(line, RowError.INVALID_URL, RowError.quote(value)
                + " is not a web address; write it like https://example.com/page"));
        return null;
    }

    private RowError error(long line, String code, String problem) {
        return new RowError(line, field.name(), code, field.name() + ": " + problem);
    }
}
