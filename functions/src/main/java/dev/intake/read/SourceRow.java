package dev.intake.read;

import java.util.List;

/**
 * One record as read from a file, before any check.
 *
 * @param line    the line the record starts on in the file (1 is the first line, the header)
 * @param values  the fields, aligned with {@link ColumnMap#header()}; a ragged row holds as many
 *                as the file had
 * @param problem why the row cannot be mapped to the columns, or null
 */
public record SourceRow(long line, List<String> values, RowProblem problem) {

    public SourceRow {
        values = List.copyOf(values);
    }

    public SourceRow(long line, List<String> values) {
        this(line, values, null);
    }
}
