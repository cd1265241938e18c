package dev.intake.read;

import dev.intake.job.JobDefinition.ExtraColumns;
import dev.intake.job.JobDefinition.Field;
import dev.intake.job.JobDefinition.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where each schema field is in a file's rows. Header names are trimmed and matched without regard
 * to case, by name or alias. The columns a failed-records file adds ({@code _line},
 * {@code _column}, {@code _error_code}, {@code _error_message}) are dropped, so that such a file
 * can be fixed and uploaded again as is.
 */
public final class ColumnMap {

    /** The columns {@link dev.intake.pipeline.FailedRecordsWriter} appends to the originals. */
    public static final List<String> FAILED_RECORD_COLUMNS =
            List.of("_line", "_column", "_error_code", "_error_message");

    private final List<String> header;
    private final int[] fieldColumns;
    private final int[] extraColumns;
    private final int[] keptFileColumns;
    private final int fileColumnCount;

    private ColumnMap(List<String> header, int[] fieldColumns, int[] extraColumns,
            int[] keptFileColumns, int fileColumnCount) {
        this.header = List.copyOf(header);
        this.fieldColumns = fieldColumns;
        this.extraColumns = extraColumns;
        this.keptFileColumns = keptFileColumns;
        this.fileColumnCount = fileColumnCount;
    }

    /**
     * Maps a file's header onto the schema. Throws {@link FileRejectedException} when a name is
     * repeated, a required or key column is missing, or an extra column is refused.
     */
    public static ColumnMap fromHeader(List<String> fileHeader, Schema schema, String fileKey,
            char delimiter) {
        List<String> header = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < fileHeader.size(); i++) {
            String name = restoreNeutralised(fileHeader.get(i).strip());
            if (!FAILED_RECORD_COLUMNS.contains(name.toLowerCase(Locale.ROOT))) {
                header.add(name);
                kept.add(i);
            }
        }
        rejectRepeatedNames(header, fileKey);
        int[] fields = locateFields(header, schema, fileKey, String.join(
                String.valueOf(delimiter), fileHeader));
        int[] extras = locateExtras(header, fields, schema, fileKey);
        int[] keptColumns = kept.stream().mapToInt(Integer::intValue).toArray();
        return new ColumnMap(header, fields, extras, keptColumns, fileHeader.size());
    }

    /** Columns in the order of the schema's fields: files without a header, JSON Lines. */
    public static ColumnMap inSchemaOrder(Schema schema) {
        List<String> names = schema.fields().stream().map(Field::name).toList();
        int[] identity = new int[names.size()];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = i;
        }
        return new ColumnMap(names, identity, new int[0], identity.clone(), names.size());
    }

    /** The column names, trimmed, as the file has them (failed-records columns dropped). */
    public List<String> header() {
        return header;
    }

    /** The column of the schema's field at {@code fieldIndex}, or -1 when the file lacks it. */
    public int columnOf(int fieldIndex) {
        return fieldColumns[fieldIndex];
    }

    /** Columns no field names, in file order; kept when extraColumns is keep. */
    public int[] extraColumns() {
        return extraColumns.clone();
    }

    /** How many fields a row of the file has, counting dropped failed-records columns. */
    int fileColumnCount() {
        return fileColumnCount;
    }

    /** True when the file is a failed-records file uploaded again. */
    public boolean isFailedRecordsFile() {
        return keptFileColumns.length < fileColumnCount;
    }

    /**
     * A row as the file has it, mapped to {@link #header()}: the failed-records columns dropped and
     * their neutralised values ({@code '=x}) restored when the file is a failed-records file.
     */
    public SourceRow fromFile(long line, List<String> fileValues, RowProblem problem) {
        if (!isFailedRecordsFile()) {
            return new SourceRow(line, fileValues, problem);
        }
        String[] values = project(fileValues.toArray(new String[0]));
        for (int i = 0; i < values.length; i++) {
            values[i] = restoreNeutralised(values[i]);
        }
        return new SourceRow(line, java.util.Arrays.asList(values), problem);
    }

    /** The row's values at the kept columns; values past the header stay at the end. */
    private String[] project(String[] fileValues) {
        List<String> values = new ArrayList<>(header.size());
        for (int column : keptFileColumns) {
            if (column < fileValues.length) {
                values.add(fileValues[column]);
            }
        }
        for (int i = fileColumnCount; i < fileValues.length; i++) {
            values.add(fileValues[i]);
        }
        return values.toArray(new String[0]);
    }

    private static void rejectRepeatedNames(List<String> header, String fileKey) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String folded = header.get(i).toLowerCase(Locale.ROOT);
            if (folded.isEmpty()) {
                continue;
            }
            Integer earlier = seen.putIfAbsent(folded, i);
            if (earlier != null) {
                throw new FileRejectedException(FileProblem.AMBIGUOUS_HEADER, fileKey, 1,
                        "column \"" + header.get(i) + "\" appears twice (columns " + (earlier + 1)
                                + " and " + (i + 1) + "); rename or remove one of them");
            }
        }
    }

    private static int[] locateFields(List<String> header, Schema schema, String fileKey,
            String headerLine) {
        Set<String> key = Set.copyOf(schema.key());
        int[] columns = new int[schema.fields().size()];
        List<String> missing = new ArrayList<>();
        for (int f = 0; f < columns.length; f++) {
            Field field = schema.fields().get(f);
            columns[f] = locate(field, header, fileKey);
            boolean needed = field.required() || key.contains(field.name());
            if (columns[f] < 0 && needed) {
                missing.add(field.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new FileRejectedException(FileProblem.MISSING_COLUMN, fileKey, 1,
                    "required column" + (missing.size() > 1 ? "s " : " ")
                            + String.join(", ", missing) + " missing; the header reads \""
                            + abbreviate(headerLine) + "\". Add the column, or check "
                            + "format.delimiter and the column names");
        }
        return columns;
    }

    private static int locate(Field field, List<String> header, String fileKey) {
        int found = -1;
        List<String> names = new ArrayList<>(field.aliases());
        names.add(0, field.name());
        for (int i = 0; i < header.size(); i++) {
            for (String name : names) {
                if (header.get(i).equalsIgnoreCase(name.strip())) {
                    if (found >= 0) {
                        throw new FileRejectedException(FileProblem.AMBIGUOUS_HEADER, fileKey, 1,
                                "columns \"" + header.get(found) + "\" and \"" + header.get(i)
                                        + "\" both name field " + field.name()
                                        + "; remove one of them");
                    }
                    found = i;
                }
            }
        }
        return found;
    }

    private static int[] locateExtras(List<String> header, int[] fields, Schema schema,
            String fileKey) {
        boolean[] named = new boolean[header.size()];
        for (int column : fields) {
            if (column >= 0) {
                named[column] = true;
            }
        }
        List<Integer> extras = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (!named[i]) {
                extras.add(i);
            }
        }
        if (!extras.isEmpty() && schema.extraColumns() == ExtraColumns.REJECT) {
            throw new FileRejectedException(FileProblem.UNEXPECTED_COLUMN, fileKey, 1,
                    "column \"" + header.get(extras.get(0)) + "\" is not in the schema and "
                            + "extraColumns is reject; remove the column or add it to the schema");
        }
        return extras.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A value the failed-records writer neutralised ({@code '=x}) reads as written. */
    private static String restoreNeutralised(String value) {
        boolean neutralised = value.length() > 1 && value.charAt(0) == '\''
                && "=+-@".indexOf(value.charAt(1)) >= 0;
        return neutralised ? value.substring(1) : value;
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
