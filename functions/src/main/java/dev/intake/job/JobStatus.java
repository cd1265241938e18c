package dev.intake.job;

import java.util.Set;

/** Where a job is in its life. Each status lists the statuses it may move to. */
public enum JobStatus {
    DRAFT,
    SAMPLING,
    SAMPLING_FAILED,
    ACTIVE,
    PAUSED,
    HALTED,
    COMPLETED;

    /** The statuses this one may move to; anything else is an illegal transition. */
    public Set<JobStatus> next() {
        return switch (this) {
            case DRAFT -> Set.of(SAMPLING, ACTIVE);
            case SAMPLING -> Set.of(DRAFT, SAMPLING_FAILED);
            case SAMPLING_FAILED -> Set.of(DRAFT, SAMPLING);
            case ACTIVE -> Set.of(PAUSED, HALTED, COMPLETED);
            case PAUSED -> Set.of(ACTIVE);
            case HALTED -> Set.of(ACTIVE);
            case COMPLETED -> Set.of();
        };
    }

    public boolean canMoveTo(JobStatus target) {
        return next().contains(target);
    }

    /** The name a person reads and writes: {@code sampling_failed}, {@code active}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
