package dev.intake.workflow;

import java.util.Objects;

/**
 * What the state machine gives the Halt task once the last rerun failed: the request, the chain
 * of attempts (named by the execution) and the error of the last attempt.
 */
public record HaltInput(
        RunRequest request, String executionId, String executionName, TaskError error) {

    public HaltInput {
        Objects.requireNonNull(executionName, "executionName");
        error = error != null ? error : new TaskError("Unknown", "");
    }
}
