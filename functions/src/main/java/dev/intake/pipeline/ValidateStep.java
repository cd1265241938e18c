package dev.intake.pipeline;

import dev.intake.job.JobDefinition;
import dev.intake.port.JobStore;
import dev.intake.port.ObjectStore;
import dev.intake.port.RunStore;
import dev.intake.read.ColumnMap;
import dev.intake.read.FileRejectedException;
import dev.intake.read.RecordReader;
import dev.intake.read.SourceRow;
import dev.intake.run.FailureReason;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;

/**
 * Step 1 of a run (Validating): checks every row of the source file, stages the valid ones as
 * processed records and the failed ones as failed-record rows. Ends with the run in Processing,
 * or Failed when the file cannot be read, no row is valid or too many failed.
 *
 * <p>Two ways to use it. {@link #run} does the whole file in one call. For large files,
 * {@link #checkFile} reads only the header and first row (failing the run at once if the file is
 * unreadable), {@link #validateSlice} then validates batches of rows, in parallel if wanted, each
 * staging its own part, and {@link #complete} adds up their counts and moves the run on.
 *
 * <p>While one thread checks rows, another reads them ahead and a third stages them behind, so
 * that a file's rows pass through in about the time of the slowest of the three.
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

    /** Validates the whole file. */
    public StepResult run(RunRef ref) {
        Run run = steps.load(ref);
        if (run.status() != RunStatus.VALIDATING) {
            return StepResult.of(run);
        }
        JobDefinition job = steps.job(run);
        RunFiles files = new RunFiles(objects, run, job);

        RunCounts counts;
        UniqueKeyCheck keys = new UniqueKeyCheck(ProcessStep.KEYS_PER_PARTITION);
        try (RecordReader reader = files.openSource().readingAhead()) {
            files.writeColumns(reader.columns().header());
            counts = validateRows(reader::next, new RecordValidator(job, reader.columns()),
                    files, 0, reader.columns().header(), keys);
        } catch (FileRejectedException e) {
            return steps.fail(run, RunCounts.NONE, e.reason(), files);
        }

        files.writeKeysProof(counts.valid(), counts.valid() > 0 && keys.provenUnique());
        return complete(run, job, files, counts);
    }

    /**
     * Reads the header and the first row, so that an unreadable file fails the run before any
     * slice is started. Returns the run, still Validating when the file is readable.
     */
    public StepResult checkFile(RunRef ref) {
        Run run = steps.load(ref);
        if (run.status() != RunStatus.VALIDATING) {
            return StepResult.of(run);
        }
        JobDefinition job = steps.job(run);
        RunFiles files = new RunFiles(objects, run, job);

        try (RecordReader reader = files.openSource()) {
            reader.next();
            files.writeColumns(reader.columns().header());
        } catch (FileRejectedException e) {
            return steps.fail(run, RunCounts.NONE, e.reason(), files);
        }
        return StepResult.of(run);
    }

    /**
     * Validates one slice and stages its part; changes no status, so slices may run at once.
     * Throws {@link FileRejectedException} when the slice's header does not fit the schema,
     * which {@link #checkFile} reports for the whole file first.
     */
    public SliceResult validateSlice(RunRef ref, Slice slice) {
        Run run = steps.load(ref);
        JobDefinition job = steps.job(run);
        RunFiles files = new RunFiles(objects, run, job);
        ColumnMap columns = ColumnMap.fromHeader(slice.header(), job.schema(), run.source().key(),
                job.format().delimiter().charAt(0));
        if (slice.part() == 0) {
            files.writeColumns(columns.header());
        }

        Iterator<SourceRow> rows = slice.rows().iterator();
        RunCounts counts = validateRows(
                () -> rows.hasNext() ? fromFile(columns, rows.next()) : null,
                new RecordValidator(job, columns), files, slice.part(), columns.header(), null);

        return new SliceResult(run.id(), slice.part(), counts);
    }

    /** Adds up the slices' counts and moves the run to Processing, or Failed. */
    public StepResult complete(RunRef ref, List<RunCounts> slices) {
        Run run = steps.load(ref);
        if (run.status() != RunStatus.VALIDATING) {
            return StepResult.of(run);
        }
        RunCounts total = RunCounts.NONE;
        for (RunCounts slice : slices) {
            total = new RunCounts(total.read() + slice.read(), total.valid() + slice.valid(), 0,
                    total.failed() + slice.failed(), 0);
        }
        JobDefinition job = steps.job(run);
        RunFiles files = new RunFiles(objects, run, job);
        // Slices hash no keys: Process hashes them itself.
        files.writeKeysProof(total.valid(), false);
        return complete(run, job, files, total);
    }

    private StepResult complete(Run run, JobDefinition job, RunFiles files, RunCounts counts) {
        FailureReason breach = RunSteps.breach(job, counts);
        if (breach != null) {
            return steps.fail(run, counts, breach, files);
        }
        return steps.advance(run, RunStatus.PROCESSING, counts);
    }

    /**
     * Checks rows here while a second thread stages them (see {@link WriteBehind}) and tells
     * {@code keys}, if not null, the key of each valid one.
     */
    private static RunCounts validateRows(RowSupplier rows, RecordValidator validator,
            RunFiles files, int part, List<String> header, UniqueKeyCheck keys) {
        long read = 0;
        try (StagedRecords.Writer valid = new StagedRecords.Writer(
                        files.create(files.validKey(part), StagedRecords.CONTENT_TYPE));
                FailedRecordsWriter failed = new FailedRecordsWriter(
                        files.create(files.failedPartKey(1, part), RunFiles.CSV), header);
                WriteBehind staging = new WriteBehind(valid, failed, keys, files.validKey(part))) {
            for (SourceRow row = rows.next(); row != null; row = rows.next()) {
                read++;
                staging.add(row, validator.validate(row));
            }
            staging.finish();
            return new RunCounts(read, valid.written(), 0, failed.written(), 0);
        }
    }

    private static SourceRow fromFile(ColumnMap columns, SourceRow row) {
        return columns.fromFile(row.line(), row.values(), row.problem());
    }

    @FunctionalInterface
    private interface RowSupplier {

        /** The next row, or null at the end. */
        SourceRow next();
    }
}
