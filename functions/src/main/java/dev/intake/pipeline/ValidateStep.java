package dev.intake.pipeline;

import dev.intake.job.JobDefinition;
import dev.intake.pipeline.RecordValidator.Outcome;
import dev.intake.port.JobStore;
import dev.intake.port.ObjectStore;
import dev.intake.port.RunStore;
import dev.intake.read.FileRejectedException;
import dev.intake.read.RecordReader;
import dev.intake.read.SourceRow;
import dev.intake.run.FailureReason;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import dev.intake.run.SourceObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * Step 1 of a run (Validating): reads the source file, checks every row, stages the valid ones as
 * processed records and the failed ones as failed-record rows. Ends with the run in Processing,
 * or Failed when the file cannot be read, no row is valid or too many failed.
 *
 * <p>A run no longer in Validating is returned as it is, so that a redelivered task does no harm.
 * Store and network failures propagate, for the workflow to retry.
 */
public final class ValidateStep {

    private final ObjectStore objects;
    private final RunSteps steps;

    public ValidateStep(ObjectStore objects, RunStore runs, JobStore jobs, Clock clock) {
        this.objects = objects;
        this.steps = new RunSteps(runs, jobs, clock);
    }

    public StepResult run(RunRef ref) {
        Run run = steps.load(ref);
        if (run.status() != RunStatus.VALIDATING) {
            return StepResult.of(run);
        }
        JobDefinition job = steps.job(run);
        RunFiles files = new RunFiles(objects, run);

        RunCounts counts;
        try {
            counts = validateFile(run.source(), job, files);
        } catch (FileRejectedException e) {
            return steps.fail(run, RunCounts.NONE, e.reason(), null);
        }

        FailureReason breach = RunSteps.breach(job, counts);
        if (breach != null) {
            return steps.fail(run, counts, breach, files);
        }
        return steps.advance(run, RunStatus.PROCESSING, counts);
    }

    private RunCounts validateFile(SourceObject source, JobDefinition job, RunFiles files) {
        try (InputStream in = objects.open(source.bucket(), source.key(), versionOf(source));
                RecordReader reader = RecordReader.open(in, job, source.key())) {
            files.writeColumns(reader.columns().header());
            return validateRows(reader, job, files);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source.key(), e);
        }
    }

    private static RunCounts validateRows(RecordReader reader, JobDefinition job,
            RunFiles files) {
        RecordValidator validator = new RecordValidator(job, reader.columns());
        try (StagedRecords.Writer valid = new StagedRecords.Writer(
                        files.create(files.validKey(), StagedRecords.CONTENT_TYPE));
                FailedRecordsWriter failed = new FailedRecordsWriter(
                        files.create(files.failedPartKey(1), RunFiles.CSV),
                        reader.columns().header())) {
            for (SourceRow row = reader.next(); row != null; row = reader.next()) {
                Outcome outcome = validator.validate(row);
                if (outcome.isValid()) {
                    valid.write(outcome.record());
                } else {
                    failed.write(row.line(), row.values(), outcome.errors());
                }
            }
            return new RunCounts(reader.rowsRead(), valid.written(), 0, failed.written(), 0);
        }
    }

    /** The stored version, or null (latest) when only an ETag identifies the object. */
    private static String versionOf(SourceObject source) {
        boolean etagOnly = source.version() == null || source.version().equals(source.etag());
        return etagOnly ? null : source.version();
    }
}
