package dev.intake.local.store;

/**
 * The local state directory could not be read or written: the database file is locked, corrupt
 * or on a full disk, or a folder cannot be created. The message names the path and the work that
 * failed; the cause holds the driver's or file system's reason.
 */
public class LocalStoreException extends RuntimeException {

    public LocalStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
