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
