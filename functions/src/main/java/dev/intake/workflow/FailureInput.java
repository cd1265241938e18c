package dev.intake.workflow;

import java.util.Objects;

/** The state of an attempt when one of its tasks failed, as the Catch hands it on. */
public record FailureInput(
        RunRequest request,
        int retryCount,
        String executionId,
        String executionName,
        TaskError error) {

    public FailureInput {
        Objects.requireNonNull(error, "error");
    }

    public AttemptInput attempt() {
        return new AttemptInput(request, retryCount, executionId, executionName);
    }
}
