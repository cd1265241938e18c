package dev.intake.read;

/**
 * A row that was read but cannot be mapped to the columns: a field too many or too few, a JSON
 * Lines line that is not an object. The rest of the file is still read.
 */
public record RowProblem(String code, String message) {

    public static final String RAGGED_ROW = "RAGGED_ROW";
    public static final String MALFORMED_ROW = "MALFORMED_ROW";
}
