package dev.intake.asl;

/**
 * A state machine definition that cannot run: malformed JSON, a missing or contradictory field,
 * an unknown transition target, or a feature this interpreter does not support yet. The message
 * names the state and the field, e.g. {@code State "Retry1" field "Retry[0].BackoffRate": must be
 * at least 1.0, was 0.5}.
 */
public final class AslDefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AslDefinitionException(String message) {
        super(message);
    }

    public AslDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
