package dev.intake.local.store;

/**
 * A job's destination cannot be used as declared: the table name is not allowed, or a table of
 * that name exists with another key or other column types. The message names the job, the table
 * and what to change.
 */
public class DestinationTableException extends RuntimeException {

    public DestinationTableException(String message) {
        super(message);
    }
}
