package dev.intake.pipeline;

import dev.intake.job.JobDefinition;
import dev.intake.read.FileRejectedException;
import dev.intake.read.RecordReader;
import dev.intake.read.SourceRow;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the real reading, validation and processing over the start of a sample file and imports
 * nothing: what a job in Sampling does. A file that cannot be read as the job's format throws
 * {@link FileRejectedException}, whose reason the job's Sampling failed status carries.
 */
public final class Sampler {

    public static final int DEFAULT_ROWS = 10_000;
    private static final int MAX_ERRORS = 50;
    private static final int PREVIEW = 5;

    /** Checks up to {@code maxRows} rows; the caller closes {@code in}. */
    public SampleReport sample(InputStream in, JobDefinition job, String fileKey, int maxRows) {
        RecordReader reader = RecordReader.open(in, job, fileKey);
        RecordValidator validator = new RecordValidator(job, reader.columns());
        Tally tally = new Tally();
        SourceRow row = maxRows > 0 ? reader.next() : null;
        while (row != null) {
            tally.add(validator.validate(row));
            row = tally.read < maxRows ? reader.next() : null;
        }
        return new SampleReport(fileKey, reader.columns().header(), tally.read, tally.valid,
                tally.read - tally.valid, tally.duplicates, tally.errors, tally.preview);
    }

    /** Counts as the rows come; a sample's keys are few enough for a plain set. */
    private static final class Tally {

        private final List<RowError> errors = new ArrayList<>();
        private final List<ProcessedRecord> preview = new ArrayList<>();
        private final Set<String> keys = new HashSet<>();
        private long read;
        private long valid;
        private long duplicates;

        void add(RecordValidator.Outcome outcome) {
            read++;
            if (!outcome.isValid()) {
                outcome.errors().stream().limit(MAX_ERRORS - errors.size()).forEach(errors::add);
                return;
            }
            valid++;
            if (!keys.add(outcome.record().key())) {
                duplicates++;
            }
            if (preview.size() < PREVIEW) {
                preview.add(outcome.record());
            }
        }
    }
}
