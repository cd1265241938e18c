package dev.intake.pipeline;

import dev.intake.job.JobDefinition;
import dev.intake.job.JobDefinition.DuplicateRule;
import dev.intake.port.JobStore;
import dev.intake.port.ObjectStore;
import dev.intake.port.RunStore;
import dev.intake.run.FailureReason;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import java.time.Clock;
import java.util.List;

/**
 * Step 2 of a run (Processing): resolves rows of the file that share a key, by the job's rule,
 * and stages the records to import. Two passes over the staged valid records: the first counts
 * each key and finds its winning row in a compact {@link DuplicateIndex}, the second keeps the
 * winners. Under last-wins and first-wins the other rows count as duplicates; under reject every
 * row of a repeated key fails (no row can be said to be the right one) and counts as failed.
 * Ends with the run in Importing, or Failed when the rejections leave no valid row or too many
 * failed.
 */
public final class ProcessStep {

    private final ObjectStore objects;
    private final RunSteps steps;

    public ProcessStep(ObjectStore objects, RunStore runs, JobStore jobs, Clock clock) {
        this.objects = objects;
        this.steps = new RunSteps(runs, jobs, clock);
    }

    public StepResult run(RunRef ref) {
        Run run = steps.load(ref);
        if (run.status() != RunStatus.PROCESSING) {
            return StepResult.of(run);
        }
        JobDefinition job = steps.job(run);
        RunFiles files = new RunFiles(objects, run);

        DuplicateIndex index = indexKeys(files, job, run.counts());
        RunCounts counts = keepWinners(files, job, index, run.counts());

        FailureReason breach = RunSteps.breach(job, counts);
        if (breach != null) {
            return steps.fail(run, counts, breach, files);
        }
        return steps.advance(run, RunStatus.IMPORTING, counts);
    }

    private static DuplicateIndex indexKeys(RunFiles files, JobDefinition job, RunCounts counts) {
        boolean lastWins = job.schema().duplicates() == DuplicateRule.LAST_WINS;
        DuplicateIndex index = new DuplicateIndex(lastWins, (int) Math.min(counts.valid(), 1 << 24));
        try (StagedRecords.Reader valid = new StagedRecords.Reader(
                files.open(files.validKey()), job.schema())) {
            for (ProcessedRecord record = valid.next(); record != null; record = valid.next()) {
                index.add(record.key(), record.line());
            }
        }
        return index;
    }

    private static RunCounts keepWinners(RunFiles files, JobDefinition job, DuplicateIndex index,
            RunCounts before) {
        boolean reject = job.schema().duplicates() == DuplicateRule.REJECT;
        List<String> columns = files.readColumns();
        RecordColumns layout = new RecordColumns(columns, job.schema());
        long duplicates = 0;
        try (StagedRecords.Reader valid = new StagedRecords.Reader(
                        files.open(files.validKey()), job.schema());
                StagedRecords.Writer processed = new StagedRecords.Writer(
                        files.create(files.processedKey(), StagedRecords.CONTENT_TYPE));
                FailedRecordsWriter failed = new FailedRecordsWriter(
                        files.create(files.failedPartKey(2), RunFiles.CSV), columns)) {
            for (ProcessedRecord record = valid.next(); record != null; record = valid.next()) {
                int count = index.count(record.key());
                if (count == 1 || (!reject && index.winner(record.key()) == record.line())) {
                    processed.write(record);
                } else if (reject) {
                    failed.write(record.line(), layout.values(record),
                            List.of(duplicateError(job, record, count)));
                } else {
                    duplicates++;
                }
            }
            return new RunCounts(before.read(), before.valid(), 0,
                    before.failed() + failed.written(), duplicates);
        }
    }

    private static RowError duplicateError(JobDefinition job, ProcessedRecord record, int count) {
        String key = String.join(", ", job.schema().key());
        String value = job.schema().key().size() == 1
                ? String.valueOf(record.values().get(job.schema().key().get(0)))
                : record.key().replace('\u001F', ' ').strip();
        String times = count >= Byte.MAX_VALUE ? "many" : String.valueOf(count);
        return new RowError(record.line(), job.schema().key().get(0), RowError.DUPLICATE_KEY,
                key + ": " + RowError.quote(value) + " appears on " + times + " rows and "
                        + "duplicates is reject; keep one row per key");
    }
}
