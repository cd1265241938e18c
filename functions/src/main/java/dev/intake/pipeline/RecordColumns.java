package dev.intake.pipeline;

import dev.intake.job.JobDefinition.Field;
import dev.intake.job.JobDefinition.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a processed record out in the file's columns again, for the failed records of later steps
 * (duplicates rejected, writes the destination refused). Values are the processed ones (trimmed,
 * typed, dates in ISO form), which import the same; columns the job ignores come back empty.
 */
final class RecordColumns {

    private final List<String> names = new ArrayList<>();

    RecordColumns(List<String> header, Schema schema) {
        for (String column : header) {
            names.add(fieldFor(column, schema));
        }
    }

    // Shortcut: columns the job ignores are not staged, so these rows come back with them empty;
    // ends when staging keeps each row's original text next to its processed values.
    List<String> values(ProcessedRecord record) {
        List<String> values = new ArrayList<>(names.size());
        for (String name : names) {
            Object value = record.values().get(name);
            values.add(value == null ? ""
                    : value instanceof BigDecimal d ? d.toPlainString() : value.toString());
        }
        return values;
    }

    private static String fieldFor(String column, Schema schema) {
        for (Field field : schema.fields()) {
            if (field.name().equalsIgnoreCase(column)
                    || field.aliases().stream().anyMatch(alias -> alias.equalsIgnoreCase(column))) {
                return field.name();
            }
        }
        return column;
    }
}
