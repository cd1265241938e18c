package dev.intake.asl;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a resource invocation knows besides its payload.
 *
 * @param executionArn the running execution
 * @param stateName the Task state that invokes
 * @param resource the state's Resource ARN as written in the definition
 * @param retryCount 0 for the first attempt, then 1, 2, ... as {@code $$.State.RetryCount}
 * @param scheduledAt when the invocation starts (virtual or real time)
 * @param taskToken the token of a {@code .waitForTaskToken} task; empty otherwise
 * @param callbacks where to send that token's answer
 */
public record InvocationContext(
        String executionArn,
        String stateName,
        String resource,
        int retryCount,
        Instant scheduledAt,
        Optional<String> taskToken,
        TaskCallbacks callbacks) {

    public InvocationContext {
        Objects.requireNonNull(executionArn, "executionArn");
        Objects.requireNonNull(stateName, "stateName");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(scheduledAt, "scheduledAt");
        Objects.requireNonNull(taskToken, "taskToken");
        Objects.requireNonNull(callbacks, "callbacks");
    }
}
