package dev.intake.port;

/** A conditional write lost: the item exists already, or another writer changed it first. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
