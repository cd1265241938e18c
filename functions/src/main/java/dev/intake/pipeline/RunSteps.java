package dev.intake.pipeline;

import dev.intake.job.JobDefinition;
import dev.intake.port.JobStore;
import dev.intake.port.RunStore;
import dev.intake.run.FailureReason;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import java.math.BigDecimal;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every step does around its work: find the run and job, record results, move status. */
final class RunSteps {

    private static final Logger LOG = LoggerFactory.getLogger(RunSteps.class);

    private final RunStore runs;
    private final JobStore jobs;
    private final Clock clock;

    RunSteps(RunStore runs, JobStore jobs, Clock clock) {
        this.runs = runs;
        this.jobs = jobs;
        this.clock = clock;
    }

    Run load(RunRef ref) {
        return runs.find(ref.runId()).orElseThrow(() -> new IllegalArgumentException(
                "run " + ref.runId() + " does not exist; start runs through the entry step"));
    }

    JobDefinition job(Run run) {
        return jobs.find(run.jobId()).orElseThrow(() -> new IllegalArgumentException(
                "run " + run.id() + ": job " + run.jobId() + " does not exist")).definition();
    }

    /**
     * Why the run must stop before anything is imported: no valid row, or more failed rows than
     * the job tolerates. Null when it may go on.
     */
    static FailureReason breach(JobDefinition job, RunCounts counts) {
        if (counts.read() - counts.failed() - counts.duplicates() <= 0) {
            return new FailureReason("NO_VALID_ROWS", "none of the " + counts.read()
                    + " rows is valid; see the failed records for what to fix");
        }
        BigDecimal percent = counts.failedPercent();
        if (percent.compareTo(job.maxFailedPercent()) > 0) {
            return new FailureReason("TOO_MANY_FAILED_ROWS", counts.failed() + " of "
                    + counts.read() + " rows failed (" + percent.toPlainString()
                    + "%), more than maxFailedPercent " + job.maxFailedPercent().toPlainString()
                    + "%; nothing was imported. Fix the failed records and upload them, or "
                    + "raise maxFailedPercent");
        }
        return null;
    }

    StepResult advance(Run run, RunStatus to, RunCounts counts) {
        runs.recordResults(run.id(), counts, null);
        return moved(run, runs.transition(run.id(), run.status(), to, clock.instant(), null));
    }

    /** Ends the run Failed, with the failed records written when rows failed. */
    StepResult fail(Run run, RunCounts counts, FailureReason reason, RunFiles files) {
        String failedKey = files == null ? null : files.assembleFailedRecords(counts.failed());
        StepResult result = finish(run, RunStatus.FAILED, counts, reason, failedKey);
        if (files != null) {
            files.deleteStaging();
        }
        return result;
    }

    /** Ends the run in a final status; staged objects are removed by the caller once moved. */
    StepResult finish(Run run, RunStatus to, RunCounts counts, FailureReason reason,
            String failedKey) {
        runs.recordResults(run.id(), counts, failedKey);
        return moved(run, runs.transition(run.id(), run.status(), to, clock.instant(), reason));
    }

    private static StepResult moved(Run before, Run after) {
        RunCounts counts = after.counts() == null ? RunCounts.NONE : after.counts();
        LOG.info("run status changed runId={} jobId={} from={} to={} read={} valid={} imported={}"
                        + " failed={} duplicates={} reason={}", after.id(), after.jobId(),
                before.status().label(), after.status().label(), counts.read(), counts.valid(),
                counts.imported(), counts.failed(), counts.duplicates(),
                after.reason() == null ? "none" : after.reason().code());
        return StepResult.of(after);
    }
}
