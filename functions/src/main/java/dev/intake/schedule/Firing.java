package dev.intake.schedule;

import java.time.Instant;
import java.util.Objects;

/** One due time of one job's schedule: the job should start a run now. */
public record Firing(String jobId, Instant dueAt) {

    public Firing {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(dueAt, "dueAt");
    }
}
