package dev.intake.asl;

import java.time.Duration;

/**
 * An execution started with {@link Interpreter#start}, running on its own thread. Lets a test
 * wait for a {@code .waitForTaskToken} task, answer it through the {@link Interpreter}'s
 * {@link TaskCallbacks}, and collect the result.
 *
 * <p>With a {@link VirtualClock}, a task of an execution started this way waits for its answer
 * however long that takes in real time, and TimeoutSeconds/HeartbeatSeconds fire only for answers
 * that never come in a synchronous {@link Interpreter#run}.
 */
public interface AslExecution {

    /** {@code $$.Execution.Id}. */
    String executionArn();

    /**
     * Blocks until a task of state {@code stateName} waits for its token, and returns the token.
     * Tokens already handed out by earlier calls are skipped, so successive calls return the
     * tokens of successive attempts or iterations.
     *
     * @throws IllegalStateException when nothing waits within {@code realTimeLimit}, or the
     *     execution ended first
     */
    String awaitTaskToken(String stateName, Duration realTimeLimit);

    /** Blocks until the execution ends and returns its result. */
    ExecutionResult awaitResult();

    /**
     * Stops the execution as StopExecution does: it ends ABORTED with this error and cause at the
     * next state transition, wait or callback.
     */
    void abort(String error, String cause);
}
