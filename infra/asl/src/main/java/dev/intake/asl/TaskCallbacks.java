package dev.intake.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * Answers for {@code .waitForTaskToken} tasks, like the SendTaskSuccess, SendTaskFailure and
 * SendTaskHeartbeat APIs. A handler receives this in its {@link InvocationContext} and may answer
 * at once (the answer then lands when the call ends on the virtual clock), at once for a later time
 * (the {@code arrivesAt} variants, so HeartbeatSeconds and TimeoutSeconds can fire first), or later
 * from any thread.
 * An unknown or already answered token throws {@link TaskTokenException}.
 */
public interface TaskCallbacks {

    /** Completes the waiting task with {@code output} as its result. */
    void sendTaskSuccess(String taskToken, JsonNode output);

    /** Fails the waiting task; {@code error} and {@code cause} may be null, as on AWS. */
    void sendTaskFailure(String taskToken, String error, String cause);

    /**
     * Completes the waiting task with {@code output}, but only at {@code arrivesAt} on the
     * interpreter's clock (or when the resource call ends, if later). Until then the task's
     * HeartbeatSeconds and TimeoutSeconds timers run, and whichever fires first wins.
     */
    void sendTaskSuccess(String taskToken, JsonNode output, Instant arrivesAt);

    /** Fails the waiting task at {@code arrivesAt}; see the success variant. */
    void sendTaskFailure(String taskToken, String error, String cause, Instant arrivesAt);

    /** Restarts the waiting task's HeartbeatSeconds timer. */
    void sendTaskHeartbeat(String taskToken);
}
