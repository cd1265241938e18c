package dev.intake.aws.events;

/** The arrival handler was given an event that is neither an S3 notification nor EventBridge's. */
public class UnrecognisedEventException extends RuntimeException {

    public UnrecognisedEventException(String message) {
        super(message);
    }

    public UnrecognisedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
