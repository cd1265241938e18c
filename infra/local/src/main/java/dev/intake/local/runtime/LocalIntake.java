package dev.intake.local.runtime;

import dev.intake.job.Job;
import dev.intake.run.Run;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the CLI can do with the local runtime: jobs, uploads, runs. One instance works on one state
 * directory; close it to release the database.
 */
public interface LocalIntake extends AutoCloseable {

    /** Parses and stores a job definition file; the job starts in Draft. */
    Job createJob(Path definitionFile);

    List<Job> jobs();

    /** Throws {@link NotFoundException} naming the job when there is none. */
    Job job(String jobId);

    /** Moves a Draft job to Active: from then on, files that arrive for it are imported. */
    Job activate(String jobId);

    /** Moves an Active job to Paused and disables its schedule; files arriving are kept. */
    Job pause(String jobId);

    /**
     * Moves a Paused or Halted job back to Active, enables its schedule, and imports the files
     * that arrived meanwhile, oldest first. Returns the runs that caused.
     */
    List<Run> reactivate(String jobId);

    /**
     * Puts the file under the job's prefix in the local bucket, delivers the event the AWS rule
     * would deliver, and runs the workflow until its execution ends (reruns included, on the
     * runtime's clock). Returns the runs the upload caused, oldest first.
     */
    List<Run> upload(String jobId, Path file);

    /**
     * Starts the run a job's schedule asks for at {@code dueAt} (the newest file under its prefix)
     * and runs the workflow to its end. Returns the runs that caused; a due time that already
     * started a run starts nothing.
     */
    List<Run> startScheduled(String jobId, Instant dueAt);

    /** A job's runs, newest first. */
    List<Run> runs(String jobId);

    /** Throws {@link NotFoundException} naming the run when there is none. */
    Run run(String runId);

    /** The failed-records file of a run, when it has one. */
    Optional<Path> failedRecordsFile(Run run);

    /** Retries a Failed or Halted run by hand and returns the runs that retry caused. */
    List<Run> retry(String runId);

    /** The state directory this instance works on. */
    Path stateDirectory();

    /** The SQLite database holding jobs, runs and destination tables. */
    Path databaseFile();

    /** Where emails are written, one {@code .eml} file each. */
    Path outboxDirectory();

    @Override
    void close();
}
