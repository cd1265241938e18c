package dev.intake.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Answers for {@code .waitForTaskToken} tasks, like the SendTaskSuccess, SendTaskFailure and
 * SendTaskHeartbeat APIs. A handler receives this in its {@link InvocationContext} and may answer
 * at once (the answer then lands when the call ends on the virtual clock) or later from any thread.
 * An unknown or already answered token throws {@link TaskTokenException}.
 */
public interface TaskCallbacks {

    /** Completes the waiting task with {@code output} as its result. */
    void sendTaskSuccess(String taskToken, JsonNode output);

    /** Fails the waiting task; {@code error} and {@code cause} may be null, as on AWS. */
    void sendTaskFailure(String taskToken, String error, String cause);

    /** Restarts the waiting task's HeartbeatSeconds timer. */
    void sendTaskHeartbeat(String taskToken);
}
