package dev.intake.pipeline;

/**
 * Why one row cannot be imported.
 *
 * @param line    the line the row starts on in the source file
 * @param column  the column at fault as the schema names it, or null for the whole row
 * @param code    a stable code such as {@code PATTERN_MISMATCH} or {@code RAGGED_ROW}
 * @param message names the field and the value, and says what a valid value looks like
 */
public record RowError(long line, String column, String code, String message) {

    public static final String REQUIRED = "REQUIRED";
    public static final String INVALID_INTEGER = "INVALID_INTEGER";
    public static final String INVALID_DECIMAL = "INVALID_DECIMAL";
    public static final String INVALID_BOOLEAN = "INVALID_BOOLEAN";
    public static final String INVALID_DATE = "INVALID_DATE";
    public static final String INVALID_TIMESTAMP = "INVALID_TIMESTAMP";
    public static final String INVALID_EMAIL = "INVALID_EMAIL";
    public static final String INVALID_ENUM = "INVALID_ENUM";
    public static final String INVALID_URL = "INVALID_URL";
    public static final String PATTERN_MISMATCH = "PATTERN_MISMATCH";
    public static final String BELOW_MIN = "BELOW_MIN";
    public static final String ABOVE_MAX = "ABOVE_MAX";
    public static final String TOO_LONG = "TOO_LONG";
    public static final String DUPLICATE_KEY = "DUPLICATE_KEY";

    public RowError {
        java.util.Objects.requireNonNull(code, "code");
        java.util.Objects.requireNonNull(message, "message");
    }

    /** A value as messages show it: quoted, and cut to 40 characters with its length. */
    public static String quote(String value) {
        if (value.length() <= 40) {
            return "\"" + value + "\"";
        }
        return "\"" + value.substring(0, 40) + "...\" (" + value.length() + " characters)";
    }
}
