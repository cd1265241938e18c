package dev.intake.asl.internal;

import dev.intake.asl.ExecutionStatus;

/**
 * Ends a whole execution from wherever it stands, past every Catch: the top-level timeout or an
 * abort. Not a {@link StatesError}, so no Retry or Catch sees it.
 */
final class ExecutionStop extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ExecutionStatus status;
    private final String error;
    private final String cause;

    ExecutionStop(ExecutionStatus status, String error, String cause) {
        super(status + " " + error, null, false, false);
        this.status = status;
        this.error = error;
        this.cause = cause;
    }

    ExecutionStatus status() {
        return status;
    }

    String error() {
        return error;
    }

    String cause() {
        return cause;
    }
}
