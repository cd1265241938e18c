package dev.intake.read;

/**
 * A row that was read but cannot be mapped to the columns: a field too many or too few, a JSON
 * Lines line that is not an object. {@code field} names the schema field at fault, or is null
 * when the row as a whole is. The rest of the file is still read.
 */
public record RowProblem(String code, String message, String field) {

    public static final String RAGGED_ROW = "RAGGED_ROW";
    public static final String MALFORMED_ROW = "MALFORMED_ROW";
    /** A JSON Lines object or array where a field takes one value. */
    public static final String NESTED_VALUE = "NESTED_VALUE";

    /** A problem of the row as a whole, not of one field. */
    public RowProblem(String code, String message) {
        this(code, message, null);
    }
}
