package dev.intake.port;

import dev.intake.run.FailureReason;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Runs and their status history: DynamoDB on AWS, SQLite locally. */
public interface RunStore {

    /**
     * Stores a new run unless one with the same id exists (the id is derived from the source object
     * version and attempt, so a redelivered event finds the first run). Returns the stored run and
     * whether this call created it.
     */
    Created create(Run run);

    Optional<Run> find(String runId);

    /** A job's runs, newest first, at most {@code limit}. */
    List<Run> listByJob(String jobId, int limit);

    /**
     * Moves a run from {@code from} to {@code to} only if it is still in {@code from}, and records
     * the change with its time. Throws {@link ConflictException} or
     * {@link IllegalTransitionException} as {@link JobStore#transition} does.
     */
    Run transition(String runId, RunStatus from, RunStatus to, Instant at, FailureReason reason);

    /** Records counts and the failed-records object; does not change the status. */
    Run recordResults(String runId, RunCounts counts, String failedRecordsKey);

    /** Records when the next rerun starts, or clears it with null. */
    Run recordNextRerun(String runId, Instant nextRerunAt);

    /** Records a problem that did not change the status, such as an email that was refused. */
    Run recordNote(String runId, String code, String message, Instant at);

    record Created(Run run, boolean created) {}
}
