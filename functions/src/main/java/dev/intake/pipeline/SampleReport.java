package dev.intake.pipeline;

import java.util.List;

/**
 * What checking a sample file against a job found, for a person adjusting the definition.
 *
 * @param columns    the file's columns as read
 * @param rowsRead   rows checked (at most the sample's limit)
 * @param duplicates rows that share a key with an earlier row of the sample
 * @param errors     the first row errors, in file order
 * @param preview    the first processed records, as they would be imported
 */
public record SampleReport(String fileKey, List<String> columns, long rowsRead, long valid,
        long failed, long duplicates, List<RowError> errors, List<ProcessedRecord> preview) {

    public SampleReport {
        columns = List.copyOf(columns);
        errors = List.copyOf(errors);
        preview = List.copyOf(preview);
    }
}
