package dev.intake.run;

import java.time.Instant;
import java.util.List;

/**
 * One attempt at importing one file. A rerun is a new Run with the next attempt number and
 * {@code rerunOf} set to the first attempt's id.
 *
 * @param failedRecordsKey key of the failed-records object in the run's bucket, null if none
 * @param executionId      the workflow execution that drives this run
 * @param nextRerunAt      when the next rerun starts, while one is scheduled
 * @param history          every status this run has had, oldest first
 */
public record Run(
        String id,
        String jobId,
        int attempt,
        String rerunOf,
        Trigger trigger,
        SourceObject source,
        RunStatus status,
        RunCounts counts,
        FailureReason reason,
        String failedRecordsKey,
        String executionId,
        Instant nextRerunAt,
        List<StatusChange> history) {

    public Run {
        history = List.copyOf(history);
    }
}
