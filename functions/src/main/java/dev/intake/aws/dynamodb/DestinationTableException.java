package dev.intake.aws.dynamodb;

/** A job's destination table is missing, or its key does not match the job's declared key. */
public class DestinationTableException extends RuntimeException {

    public DestinationTableException(String message) {
        super(message);
    }

    public DestinationTableException(String message, Throwable cause) {
        super(message, cause);
    }
}
