package dev.intake.asl.stubs;

/** A stubs file that cannot be read; the message names the file, state, entry and field. */
public final class StubFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StubFormatException(String message) {
        super(message);
    }

    public StubFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
