package dev.intake.pipeline;

import dev.intake.run.FailureReason;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;

/**
 * What a step left behind: the run's status after it, its counts, and references to what it
 * wrote. Never record data, so that it fits a Step Functions state.
 *
 * @param reason           why the run failed, or null
 * @param failedRecordsKey the failed-records object, once the run is final and rows failed
 */
public record StepResult(String runId, RunStatus status, RunCounts counts, FailureReason reason,
        String failedRecordsKey) {

    static StepResult of(Run run) {
        return new StepResult(run.id(), run.status(),
                run.counts() == null ? RunCounts.NONE : run.counts(), run.reason(),
                run.failedRecordsKey());
    }
}
