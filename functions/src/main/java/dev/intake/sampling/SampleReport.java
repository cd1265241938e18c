package dev.intake.sampling;

import dev.intake.job.JobStatus;
import dev.intake.run.FailureReason;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a sample file would become if it were imported by its job, found by running the job's
 * real validate and process steps on it with the final write left out.
 *
 * @param jobStatus           the job's status after sampling: Draft, or Sampling failed
 * @param unreadable          why the file cannot be read as the job's format (then the job is
 *                            Sampling failed and the lists are empty); null when it was read
 * @param columns             the file's columns in order and the field each one fills
 * @param fieldsWithoutColumn schema fields no column fills, in schema order
 * @param rows                the first records as they would be stored
 * @param errors              every row error, in line order
 * @param counts              the counts the real run would record (imported as if the
 *                            destination accepted every record)
 * @param wouldEnd            the status the real run would end in
 * @param wouldFail           why the real run would end Failed, or null
 */
public record SampleReport(
        String jobId,
        String file,
        JobStatus jobStatus,
        FailureReason unreadable,
        List<ColumnMapping> columns,
        List<String> fieldsWithoutColumn,
        List<SampleRow> rows,
        List<SampleError> errors,
        RunCounts counts,
        RunStatus wouldEnd,
        FailureReason wouldFail) {

    public SampleReport {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(jobStatus, "jobStatus");
        columns = List.copyOf(columns);
        fieldsWithoutColumn = List.copyOf(fieldsWithoutColumn);
        rows = List.copyOf(rows);
        errors = List.copyOf(errors);
        counts = counts == null ? RunCounts.NONE : counts;
    }

    public boolean readable() {
        return unreadable == null;
    }

    public BigDecimal failedPercent() {
        return counts.failedPercent();
    }

    /** How one column of the file was matched to a field of the schema. */
    public enum Match {
        /** The header is the field's name as written. */
        EXACT,
        /** The header is the field's name in other letter case. */
        CASE_DIFFERENCE,
        /** The header is the field's name with spaces around it (and maybe other case). */
        WHITESPACE_DIFFERENCE,
        /** The header is one of the field's aliases. */
        ALIAS,
        /** No field takes this column; extraColumns decides what happens to it. */
        UNMAPPED
    }

    /**
     * @param position the column's place in the file, from 1
     * @param header   the header cell exactly as the file has it
     * @param field    the field the column fills, or null when unmapped
     */
    public record ColumnMapping(int position, String header, String field, Match match) {}

    /** A record as it would be stored: field name to normalised value, in schema order. */
    public record SampleRow(long line, Map<String, Object> values) {

        public SampleRow {
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        }
    }

    /**
     * One problem with one row, as the failed-records file reports it.
     *
     * @param column the field at fault, or null when the problem is the whole row
     * @param code   the error code; null for the second and later errors of a row, whose codes
     *               the failed-records file does not carry
     */
    public record SampleError(long line, String column, String code, String message) {}
}
