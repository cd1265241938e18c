package dev.intake.asl;

/**
 * A callback named a task token that no task is waiting on: never issued, already answered, or
 * timed out. Mirrors the TaskDoesNotExist / TaskTimedOut answers of the Step Functions API.
 */
public final class TaskTokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TaskTokenException(String message) {
        super(message);
    }
}
