package dev.intake.run;

/**
 * Why an attempt failed: a stable code a program can switch on (for example {@code EMPTY_FILE},
 * {@code MISSING_COLUMN}, {@code TOO_MANY_FAILED_ROWS}, {@code DEPENDENCY_UNAVAILABLE}) and a
 * message a person can act on.
 */
public record FailureReason(String code, String message) {}
