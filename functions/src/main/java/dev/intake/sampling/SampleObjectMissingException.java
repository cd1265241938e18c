package dev.intake.sampling;

/** The sample object a person asked to check is not in the bucket (or not under samples/). */
public final class SampleObjectMissingException extends RuntimeException {

    public SampleObjectMissingException(String message) {
        super(message);
    }
}
