package dev.intake.port;

import dev.intake.job.Job;
import dev.intake.job.JobDefinition;
import dev.intake.job.JobStatus;
import dev.intake.run.StatusChange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Jobs and their status history: DynamoDB on AWS, SQLite locally. */
public interface JobStore {

    /** Stores a new job in Draft. Throws {@link ConflictException} if the id is taken. */
    Job create(JobDefinition definition, Instant at, String cause);

    /** Replaces the definition of an existing job, keeping its status. */
    Job updateDefinition(JobDefinition definition, Instant at);

    Optional<Job> find(String jobId);

    /** All jobs, ordered by id. */
    List<Job> list();

    List<Job> listByStatus(JobStatus status);

    /**
     * Moves a job from {@code from} to {@code to} only if it is still in {@code from} (a conditional
     * write), and records the change. Throws {@link ConflictException} if another writer moved it
     * first, {@link IllegalTransitionException} if the move is not allowed.
     */
    Job transition(String jobId, JobStatus from, JobStatus to, Instant at, String cause);

    /** Every status the job has had, oldest first. */
    List<StatusChange> history(String jobId);

    void delete(String jobId);
}
