package dev.intake.arrival;

/** The arrival handler got an event that is neither an S3 notification nor an EventBridge one. */
public class UnrecognisedEventException extends RuntimeException {

    public UnrecognisedEventException(String message) {
        super(message);
    }
}
