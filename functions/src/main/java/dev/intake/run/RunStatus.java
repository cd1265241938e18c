package dev.intake.run;

import java.util.Set;

/** Where one attempt at importing one file is. Each status lists the statuses it may move to. */
public enum RunStatus {
    VALIDATING,
    PROCESSING,
    IMPORTING,
    COMPLETED,
    PARTIALLY_COMPLETED,
    FAILED,
    HALTED;

    /** The statuses this one may move to; anything else is an illegal transition. */
    public Set<RunStatus> next() {
        return switch (this) {
            case VALIDATING -> Set.of(PROCESSING, FAILED);
            case PROCESSING -> Set.of(IMPORTING, FAILED);
            case IMPORTING -> Set.of(COMPLETED, PARTIALLY_COMPLETED, FAILED);
            // A failed attempt becomes Halted when it was the last rerun.
            case FAILED -> Set.of(HALTED);
            case COMPLETED, PARTIALLY_COMPLETED, HALTED -> Set.of();
        };
    }

    public boolean canMoveTo(RunStatus target) {
        return next().contains(target);
    }

    public boolean isFinal() {
        return this == COMPLETED || this == PARTIALLY_COMPLETED || this == FAILED || this == HALTED;
    }

    /** The name a person reads and writes: {@code partially_completed}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
