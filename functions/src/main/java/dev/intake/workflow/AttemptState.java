package dev.intake.workflow;

import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one task of an attempt hands to the next through the state machine ({@code $.run}):
 * references and counts only, never records.
 *
 * @param runId   the attempt's run; null when the request was skipped before a run existed
 * @param status  the run's status after the task; null when skipped
 * @param next    the task to run next; {@link Step#END} when the attempt is over
 * @param outcome how the attempt is going or how it ended
 * @param note    why a request was skipped, otherwise null
 * @param failedPercent failed rows as a percentage of rows read, from {@code counts}
 */
public record AttemptState(
        String runId,
        String jobId,
        int attempt,
        RunStatus status,
        Step next,
        Outcome outcome,
        RunCounts counts,
        String note,
        BigDecimal failedPercent) {

    public AttemptState {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(outcome, "outcome");
        counts = counts == null ? RunCounts.NONE : counts;
        failedPercent = counts.failedPercent();
    }

    public AttemptState(String runId, String jobId, int attempt, RunStatus status, Step next,
            Outcome outcome, RunCounts counts, String note) {
        this(runId, jobId, attempt, status, next, outcome, counts, note, null);
    }

    /** How an attempt ends; the state machine turns all but the first two into its own end. */
    public enum Outcome {
        /** Still going: {@code next} names the task. */
        RUNNING,
        /** Nothing to do: no job owns the file, the job is not active, or it was imported. */
        SKIPPED,
        COMPLETED,
        PARTIALLY_COMPLETED,
        /** The file cannot be read as the job's format (empty, encoding, header); not rerun. */
        FILE_REJECTED,
        /**
         * Too many rows failed, none was valid, or the destination refused every record: the run
         * is Failed with nothing imported, and the same bytes would fail again, so not rerun.
         */
        ROWS_REJECTED
    }

    public static AttemptState skipped(String jobId, String note) {
        return new AttemptState(null, jobId, 0, null, Step.END, Outcome.SKIPPED, RunCounts.NONE,
                note);
    }

    public AttemptState then(RunStatus newStatus, Step nextStep, Outcome newOutcome,
            RunCounts newCounts) {
        return new AttemptState(runId, jobId, attempt, newStatus, nextStep, newOutcome, newCounts,
                null);
    }
}
