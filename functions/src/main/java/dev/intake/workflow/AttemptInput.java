package dev.intake.workflow;

import java.util.Objects;

/**
 * What the state machine gives the first task of every attempt and the failure recorder: the
 * request and where in the chain of attempts this one is.
 *
 * @param retryCount    {@code $$.State.RetryCount} of the attempt state: 0 for the first attempt
 * @param executionId   {@code $$.Execution.Id}
 * @param executionName {@code $$.Execution.Name}, which names the chain of attempts
 */
public record AttemptInput(
        RunRequest request, int retryCount, String executionId, String executionName) {

    public AttemptInput {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(executionId, "executionId");
        Objects.requireNonNull(executionName, "executionName");
        if (retryCount < 0) {
            throw new IllegalArgumentException("retryCount must not be negative, was "
                    + retryCount);
        }
    }

    /** 1 for the first attempt, then 2 to 6 for the reruns. */
    public int attempt() {
        return retryCount + 1;
    }

    public String runId() {
        return RunNames.runId(executionName, attempt());
    }
}
