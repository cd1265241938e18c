package dev.intake.workflow;

import dev.intake.run.FailureReason;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import dev.intake.run.SourceObject;
import dev.intake.run.StatusChange;
import dev.intake.run.Trigger;
import java.time.Instant;
import java.util.List;

/**
 * The run of an attempt that failed before StartRun could create it (a store or the object store
 * was unavailable): it is recorded Failed from the start, so that the history lists every attempt.
 */
final class FailedAttempts {

    private FailedAttempts() {
    }

    static Run of(AttemptInput attempt, String jobId, SourceObject source, FailureReason reason,
            Instant at) {
        boolean first = attempt.attempt() == 1;
        String rerunOf = first ? attempt.request().retryOf()
                : RunNames.runId(attempt.executionName(), 1);
        Trigger trigger = first ? attempt.request().trigger() : Trigger.RERUN;
        return new Run(attempt.runId(), jobId, attempt.attempt(), rerunOf, trigger, source,
                RunStatus.FAILED, RunCounts.NONE, reason, null, attempt.executionId(), null,
                List.of(new StatusChange(RunStatus.FAILED.label(), at, reason.code())));
    }
}
