package dev.intake.asl;

/** How an execution ended, named as in the Step Functions API. */
public enum ExecutionStatus {
    SUCCEEDED,
    FAILED,
    /** The state machine's top-level TimeoutSeconds elapsed; error {@code States.Timeout}. */
    TIMED_OUT,
    /** Stopped from outside through {@link AslExecution#abort(String, String)}. */
    ABORTED
}
