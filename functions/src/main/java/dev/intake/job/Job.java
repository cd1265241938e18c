package dev.intake.job;

import java.time.Instant;

/**
 * A job as stored: its definition, its status and when that status was entered. {@code version}
 * grows by one with every stored change, so that a store can refuse a write based on a stale read.
 */
public record Job(JobDefinition definition, JobStatus status, Instant statusSince, long version) {

    public String id() {
        return definition.id();
    }
}
