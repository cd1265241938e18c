package dev.intake.pipeline;

import dev.intake.job.JobDefinition;
import dev.intake.job.JobDefinition.ExtraColumns;
import dev.intake.job.JobDefinition.Field;
import dev.intake.port.FrozenValues;
import dev.intake.read.ColumnMap;
import dev.intake.read.SourceRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Checks one row against the job's schema and turns it into a {@link ProcessedRecord}: the rules
 * of every field, then trimming and typing. Works on any row with its line, so it serves a whole
 * file and a slice of one alike. Not thread-safe; build one per thread.
 */
public final class RecordValidator {

    private final List<FieldCheck> checks = new ArrayList<>();
    private final int[] columns;
    private final int[] keyFields;
    private final int[] keptExtras;
    private final List<String> header;
    private final RecordShapes shapes = new RecordShapes();
    // Scratch space for one record's names and values, reused row after row.
    private final String[] names;
    private final Object[] values;

    public RecordValidator(JobDefinition job, ColumnMap columnMap) {
        List<Field> fields = job.schema().fields();
        List<String> key = job.schema().key();
        Locale locale = job.format().locale() == null ? null
                : Locale.forLanguageTag(job.format().locale());
        columns = new int[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            checks.add(new FieldCheck(field, key.contains(field.name()), locale));
            columns[i] = columnMap.columnOf(i);
        }
        keyFields = key.stream().mapToInt(name -> indexOf(fields, name)).toArray();
        keptExtras = job.schema().extraColumns() == ExtraColumns.KEEP
                ? columnMap.extraColumns() : new int[0];
        header = columnMap.header();
        names = new String[fields.size() + keptExtras.length];
        values = new Object[names.length];
    }

    /** The row as a processed record, or its errors (all of them, in field order). */
    public Outcome validate(SourceRow row) {
        if (row.problem() != null) {
            return new Outcome(null, List.of(new RowError(row.line(), row.problem().field(),
                    row.problem().code(), row.problem().message())));
        }
        List<RowError> errors = new ArrayList<>(0);
        Object[] typed = new Object[checks.size()];
        for (int i = 0; i < typed.length; i++) {
            String raw = columns[i] < 0 ? "" : row.values().get(columns[i]);
            typed[i] = checks.get(i).check(raw, row.line(), errors);
        }
        if (!errors.isEmpty()) {
            return new Outcome(null, errors);
        }
        return new Outcome(record(row, typed), List.of());
    }

    /** Extra columns without a header name are dropped: a record field needs a name. */
    private ProcessedRecord record(SourceRow row, Object[] typed) {
        int count = 0;
        for (int i = 0; i < typed.length; i++) {
            if (typed[i] != null) {
                names[count] = checks.get(i).name();
                values[count++] = typed[i];
            }
        }
        for (int column : keptExtras) {
            String value = column < row.values().size() ? row.values().get(column).strip() : "";
            if (!value.isEmpty() && !header.get(column).isEmpty()) {
                names[count] = header.get(column);
                values[count++] = value;
            }
        }
        return new ProcessedRecord(row.line(), keyOf(typed),
                FrozenValues.adopt(shapes.of(names, count), Arrays.copyOf(values, count)));
    }

    /**
     * The key values as one text. Decimals lose trailing zeros so that 1.50 and 1.5 are one key,
     * as they are one number in the destination.
     */
    private String keyOf(Object[] typed) {
        if (keyFields.length == 1) {
            return keyText(typed[keyFields[0]]);
        }
        StringBuilder key = new StringBuilder();
        for (int field : keyFields) {
            key.append(keyText(typed[field])).append('\u001F');
        }
        return key.toString();
    }

    private static String keyText(Object value) {
        return value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString()
                : String.valueOf(value);
    }

    private static int indexOf(List<Field> fields, String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("key field " + name + " is not in the schema");
    }

    /** A processed record, or the errors that keep the row out. */
    public record Outcome(ProcessedRecord record, List<RowError> errors) {

        public Outcome {
            errors = List.copyOf(errors);
        }

        public boolean isValid() {
            return record != null;
        }
    }
}
