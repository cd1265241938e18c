package dev.intake.workflow;

/**
 * Something a run needs (a store, the object store, the mailer) is unavailable or throttled.
 * Trying the same work later can help, so the workflow reruns the attempt.
 */
public class DependencyUnavailableException extends RuntimeException {

    public DependencyUnavailableException(String message) {
        super(message);
    }

    public DependencyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
