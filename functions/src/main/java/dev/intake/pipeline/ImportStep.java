package dev.intake.pipeline;

import dev.intake.job.JobDefinition;
import dev.intake.port.DestinationStore;
import dev.intake.port.JobStore;
import dev.intake.port.ObjectStore;
import dev.intake.port.RunStore;
import dev.intake.run.FailureReason;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 3 of a run (Importing): writes the processed records to the destination in batches, puts
 * the records it refuses in the failed records, and ends the run Completed, Partially Completed
 * or, when not one record could be written, Failed. Writes are keyed upserts, so running this step
 * again after a crash writes nothing twice.
 */
public final class ImportStep {

    /**
     * Records per write call: large, because the local destination commits once per call and
     * the DynamoDB one splits calls into its own batches of 25 anyway.
     */
    static final int BATCH = 5_000;

    private final ObjectStore objects;
    private final DestinationStore destination;
    private final RunSteps steps;

    public ImportStep(ObjectStore objects, DestinationStore destination, RunStore runs,
            JobStore jobs, Clock clock) {
        this.objects = objects;
        this.destination = destination;
        this.steps = new RunSteps(runs, jobs, clock);
    }

    public StepResult run(RunRef ref) {
        Run run = steps.load(ref);
        if (run.status() != RunStatus.IMPORTING) {
            return StepResult.of(run);
        }
        JobDefinition job = steps.job(run);
        RunFiles files = new RunFiles(objects, run, job);

        long[] importedAndRefused = importRecords(files, job, run.id());
        RunCounts before = run.counts();
        RunCounts counts = new RunCounts(before.read(), before.valid(), importedAndRefused[0],
                before.failed() + importedAndRefused[1], before.duplicates());
        String failedKey = files.assembleFailedRecords(counts.failed());

        StepResult result = finishRun(run, counts, failedKey);
        files.deleteStaging();
        return result;
    }

    private StepResult finishRun(Run run, RunCounts counts, String failedKey) {
        if (counts.imported() == 0) {
            return steps.finish(run, RunStatus.FAILED, counts, new FailureReason(
                    "DESTINATION_REJECTED", "the destination refused every record; see the "
                            + "failed records for its reasons"), failedKey);
        }
        RunStatus end = counts.failed() == 0 ? RunStatus.COMPLETED : RunStatus.PARTIALLY_COMPLETED;
        return steps.finish(run, end, counts, null, failedKey);
    }

    private long[] importRecords(RunFiles files, JobDefinition job, String runId) {
        long imported = 0;
        try (StagedRecords.Reader processed = new StagedRecords.Reader(
                        files.openProcessed(), job.schema());
                LateFailures.Writer failed = new LateFailures.Writer(() ->
                        files.create(files.lateFailuresKey(3), LateFailures.CONTENT_TYPE));
                DestinationStore.Writer writer = destination.open(job, runId)) {
            List<DestinationStore.Record> batch = new ArrayList<>(BATCH);
            for (ProcessedRecord record = processed.next(); record != null;
                    record = processed.next()) {
                batch.add(new DestinationStore.Record(record.line(), record.values()));
                if (batch.size() == BATCH) {
                    imported += write(writer, batch, failed);
                }
            }
            imported += write(writer, batch, failed);
            return new long[] {imported, failed.written()};
        }
    }

    /** Writes and empties the batch; returns how many records were written. */
    private static int write(DestinationStore.Writer writer, List<DestinationStore.Record> batch,
            LateFailures.Writer failed) {
        if (batch.isEmpty()) {
            return 0;
        }
        List<DestinationStore.Rejected> rejected = writer.write(List.copyOf(batch));
        for (DestinationStore.Rejected refusal : rejected) {
            failed.write(new RowError(refusal.record().line(), null, refusal.code(),
                    refusal.message()));
        }
        int written = batch.size() - rejected.size();
        batch.clear();
        return written;
    }
}
