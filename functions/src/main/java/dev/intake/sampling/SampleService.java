package dev.intake.sampling;

import dev.intake.job.Job;
import dev.intake.job.JobDefinition;
import dev.intake.job.JobLifecycle;
import dev.intake.job.JobNotFoundException;
import dev.intake.job.JobStatus;
import dev.intake.pipeline.ImportStep;
import dev.intake.pipeline.ProcessStep;
import dev.intake.pipeline.RunRef;
import dev.intake.pipeline.StepResult;
import dev.intake.pipeline.ValidateStep;
import dev.intake.port.DestinationStore;
import dev.intake.port.JobStore;
import dev.intake.read.FileProblem;
import dev.intake.run.FailureReason;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import dev.intake.run.SourceObject;
import dev.intake.run.StatusChange;
import dev.intake.run.Trigger;
import dev.intake.sampling.SampleReport.ColumnMapping;
import dev.intake.sampling.SampleReport.SampleError;
import dev.intake.sampling.SampleReport.SampleRow;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a sample file against a job before the job is activated (Draft or Sampling failed to
 * Sampling, then back to Draft with a report, or to Sampling failed with the reason).
 *
 * <p>The sample goes through the job's real validate, process and import steps, on a sandbox
 * object store and run store; only the destination is replaced, by one that writes nothing. So
 * the report's rows, errors and counts are those a real run of the same file would produce: the
 * rows are those the import step hands to the destination, the errors are read back from the
 * failed-records file the run writes.
 */
public final class SampleService {

    static final String SANDBOX_BUCKET = "sample";
    private static final Set<String> FILE_PROBLEMS = Arrays.stream(FileProblem.values())
            .map(Enum::name).collect(Collectors.toUnmodifiableSet());

    private final JobStore jobs;
    private final JobLifecycle lifecycle;
    private final Clock clock;
    private final int shownRows;

    /** @param shownRows how many records the report shows as they would be stored */
    public SampleService(JobStore jobs, JobLifecycle lifecycle, Clock clock, int shownRows) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (shownRows < 0) {
            throw new IllegalArgumentException("shownRows must be 0 or more, not " + shownRows);
        }
        this.shownRows = shownRows;
    }

    /**
     * Samples {@code file} for the job and moves the job accordingly. Throws
     * {@link dev.intake.port.IllegalTransitionException} when the job is neither Draft nor
     * Sampling failed; any other failure leaves the job Sampling failed and propagates.
     */
    public SampleReport sample(String jobId, SampleFile file, String by) {
        lifecycle.startSampling(jobId, by);
        JobDefinition job = load(jobId).definition();

        SampleReport report;
        try {
            report = sampleRun(job, file);
        } catch (RuntimeException e) {
            lifecycle.samplingFailed(jobId, "the sample " + file.name() + " could not be checked: "
                    + e.getMessage(), by);
            throw e;
        }

        return record(report, by);
    }

    private SampleReport sampleRun(JobDefinition job, SampleFile file) {
        SandboxObjects objects = new SandboxObjects(SANDBOX_BUCKET, file.name(), file.bytes(),
                file.size());
        SandboxRuns runs = new SandboxRuns();
        DryRunDestination destination = new DryRunDestination(shownRows);
        RunRef ref = new RunRef(runs.create(newRun(job, file)).run().id());

        StepResult result = runSteps(ref, objects, runs, destination);

        if (isFileProblem(result)) {
            return unreadable(job, file, result.reason());
        }
        List<String> header = ColumnMappings.rawHeader(job, file);
        return readable(job, file, header, result, objects, destination);
    }

    private StepResult runSteps(RunRef ref, SandboxObjects objects, SandboxRuns runs,
            DestinationStore destination) {
        StepResult result = new ValidateStep(objects, runs, jobs, clock).run(ref);
        if (result.status() == RunStatus.PROCESSING) {
            result = new ProcessStep(objects, runs, jobs, clock).run(ref);
        }
        if (result.status() == RunStatus.IMPORTING) {
            result = new ImportStep(objects, destination, runs, jobs, clock).run(ref);
        }
        return result;
    }

    private SampleReport readable(JobDefinition job, SampleFile file, List<String> header,
            StepResult result, SandboxObjects objects, DryRunDestination destination) {
        List<ColumnMapping> columns = ColumnMappings.map(header, job, file.name());
        List<SampleError> errors = result.failedRecordsKey() == null ? List.of()
                : objects.written(result.failedRecordsKey())
                        .map(bytes -> FailedRecordErrors.read(bytes, job.schema()))
                        .orElse(List.of());
        List<SampleRow> rows = StagedRows.first(destination, objects, result.runId(), job.schema(),
                shownRows);
        return new SampleReport(job.id(), file.name(), JobStatus.DRAFT, null, columns,
                ColumnMappings.fieldsWithoutColumn(columns, job.schema()), rows, errors,
                result.counts(), result.status(), result.reason());
    }

    private static SampleReport unreadable(JobDefinition job, SampleFile file,
            FailureReason reason) {
        return new SampleReport(job.id(), file.name(), JobStatus.SAMPLING_FAILED, reason,
                List.of(), List.of(), List.of(), List.of(), RunCounts.NONE, RunStatus.FAILED,
                reason);
    }

    private SampleReport record(SampleReport report, String by) {
        if (report.readable()) {
            lifecycle.samplingSucceeded(report.jobId(), summary(report), by);
        } else {
            lifecycle.samplingFailed(report.jobId(), report.unreadable().code() + ": "
                    + report.unreadable().message(), by);
        }
        return report;
    }

    private static String summary(SampleReport report) {
        RunCounts counts = report.counts();
        return "sample " + report.file() + ": " + counts.read() + " rows read, "
                + counts.valid() + " valid, " + counts.failed() + " failed, "
                + counts.duplicates() + " duplicates (" + counts.failedPercent().toPlainString()
                + "% failed); a run would end " + report.wouldEnd().label();
    }

    private Run newRun(JobDefinition job, SampleFile file) {
        SourceObject source = new SourceObject(SANDBOX_BUCKET, file.name(), null, null,
                file.size());
        // A person asked for it; no trigger names a sample, and the steps never read it.
        return new Run("sample-" + job.id(), job.id(), 1, null, Trigger.MANUAL_RETRY, source,
                RunStatus.VALIDATING, RunCounts.NONE, null, null, null, null,
                List.of(new StatusChange(RunStatus.VALIDATING.label(), clock.instant(),
                        "sample")));
    }

    private static boolean isFileProblem(StepResult result) {
        return result.status() == RunStatus.FAILED && result.reason() != null
                && FILE_PROBLEMS.contains(result.reason().code());
    }

    private Job load(String jobId) {
        return jobs.find(jobId).orElseThrow(() -> new JobNotFoundException(jobId));
    }
}
