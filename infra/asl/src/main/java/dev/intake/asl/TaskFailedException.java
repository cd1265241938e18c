package dev.intake.asl;

import java.time.Duration;
import java.util.Objects;

/**
 * Thrown by a {@link TaskHandler} or {@link LambdaInvoker} to fail a Task state with an error
 * name and cause, e.g. {@code S3.NoSuchKeyException} or {@code Lambda.Unknown}. Retry and Catch
 * match on {@link #error()}. {@link #duration()} is how long the failing call took on a
 * virtual clock (zero unless given).
 */
public final class TaskFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String error;
    private final String cause;
    private final transient Duration duration;

    public TaskFailedException(String error, String cause) {
        this(error, cause, Duration.ZERO);
    }

    public TaskFailedException(String error, String cause, Duration duration) {
        super(error + ": " + cause);
        this.error = Objects.requireNonNull(error, "error");
        this.cause = cause;
        this.duration = Objects.requireNonNull(duration, "duration");
    }

    /**
     * A Lambda call that ended without a function error type, as AWS reports an unhandled
     * timeout or out-of-memory end of the function: error {@code Lambda.Unknown}.
     *
     * @param detail what happened, e.g. {@code "Task timed out after 900.00 seconds"}
     * @param duration how long the call ran before it ended (virtual clock)
     */
    public static TaskFailedException lambdaUnknown(String detail, Duration duration) {
        return new TaskFailedException("Lambda.Unknown", "The cause could not be determined "
                + "because Lambda did not return an error type. Returned payload: "
                + "{\"errorMessage\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"}", duration);
    }

    /** The error name Retry and Catch match against. */
    public String error() {
        return error;
    }

    /** The cause, as written to the error output's {@code Cause}; may be null. */
    public String cause() {
        return cause;
    }

    /** How long the call ran before failing, on a virtual clock. */
    public Duration duration() {
        return duration;
    }
}
