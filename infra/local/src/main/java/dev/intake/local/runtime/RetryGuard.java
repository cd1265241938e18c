package dev.intake.local.runtime;

import dev.intake.job.JobStatus;
import dev.intake.port.JobStore;
import dev.intake.run.Run;
import dev.intake.run.RunStatus;
import dev.intake.workflow.RunNames;
import dev.intake.workflow.RunNotRetriableException;
import java.util.List;
import java.util.function.Function;

/**
 * Refuses the manual retries a person would not mean: a run retried already, an attempt that a
 * later attempt of its chain replaced, and a run of a Halted job. The RetryRun function stays
 * idempotent (a second call reports the first retry), as at-least-once delivery needs; this guard
 * is for the person at the command line, and names the run to retry instead.
 *
 * <p>A Halted job is reactivated first, then its run retried: a retry alone would import the file
 * but leave the job Halted, its schedule disabled and its pending files waiting.
 */
final class RetryGuard {

    private final JobStore jobs;
    private final Function<String, List<Run>> chains;

    /** @param chains the attempts of an execution's chain, by execution name, oldest first */
    RetryGuard(JobStore jobs, Function<String, List<Run>> chains) {
        this.jobs = jobs;
        this.chains = chains;
    }

    void check(Run run) {
        refuseRetriedAlready(run);

        refuseSuperseded(run);

        refuseWhileJobHalted(run);
    }

    private void refuseRetriedAlready(Run run) {
        List<Run> retry = chains.apply(RunNames.manualRetryExecution(run.jobId(), run.id()));
        if (retry.isEmpty()) {
            return;
        }
        Run last = retry.get(retry.size() - 1);
        throw new RunNotRetriableException("Run " + run.id() + " was retried already by run "
                + retry.get(0).id() + ", which ended " + last.status().label()
                + insteadOf(last));
    }

    private void refuseSuperseded(Run run) {
        List<Run> chain = chains.apply(executionOf(run));
        Run last = chain.isEmpty() ? run : chain.get(chain.size() - 1);
        if (last.attempt() <= run.attempt()) {
            return;
        }
        throw new RunNotRetriableException("Run " + run.id() + " (attempt " + run.attempt()
                + ") was superseded by attempt " + last.attempt() + ", run " + last.id() + ", "
                + last.status().label() + insteadOf(last));
    }

    private void refuseWhileJobHalted(Run run) {
        jobs.find(run.jobId()).filter(job -> job.status() == JobStatus.HALTED).ifPresent(job -> {
            throw new RunNotRetriableException("Job " + job.id() + " is Halted; reactivate it"
                    + " first (intake jobs reactivate " + job.id() + "), then retry run "
                    + run.id());
        });
    }

    private static String insteadOf(Run last) {
        boolean retriable = last.status() == RunStatus.FAILED || last.status() == RunStatus.HALTED;
        return retriable ? "; retry that one instead: intake runs retry " + last.id()
                : "; there is nothing left to retry";
    }

    /** Run ids are the execution name and the attempt ({@link RunNames#runId}). */
    private static String executionOf(Run run) {
        return run.id().substring(0, run.id().length() - ("-" + run.attempt()).length());
    }
}
