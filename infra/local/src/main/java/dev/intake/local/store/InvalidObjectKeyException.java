package dev.intake.local.store;

/**
 * A bucket name or object key the folder store cannot map to a file: empty segments, {@code .} or
 * {@code ..}, a trailing slash, or a name that clashes with an existing file or folder. S3 would
 * accept some of them; locally the file is renamed instead.
 */
public class InvalidObjectKeyException extends IllegalArgumentException {

    public InvalidObjectKeyException(String message) {
        super(message);
    }
}
