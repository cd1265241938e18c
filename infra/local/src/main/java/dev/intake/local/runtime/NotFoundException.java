package dev.intake.local.runtime;

/** A job, run, file or definition a command names does not exist. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
