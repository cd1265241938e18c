package dev.intake.job;

import static dev.intake.job.JobStatus.ACTIVE;
import static dev.intake.job.JobStatus.COMPLETED;
import static dev.intake.job.JobStatus.DRAFT;
import static dev.intake.job.JobStatus.HALTED;
import static dev.intake.job.JobStatus.PAUSED;
import static dev.intake.job.JobStatus.SAMPLING;
import static dev.intake.job.JobStatus.SAMPLING_FAILED;

import dev.intake.port.IllegalTransitionException;
import java.util.Set;

/**
 * The moves {@link JobLifecycle} makes, each with the statuses it starts from and the one it
 * ends in. Together they cover {@link JobStatus#next()} exactly; a test holds them to it.
 */
enum JobMove {
    SAMPLE("sampled", Set.of(DRAFT, SAMPLING_FAILED), SAMPLING),
    FINISH_SAMPLING("returned to draft with a sample report", Set.of(SAMPLING), DRAFT),
    FAIL_SAMPLING("marked sampling failed", Set.of(SAMPLING), SAMPLING_FAILED),
    EDIT_BACK_TO_DRAFT("edited", Set.of(SAMPLING_FAILED), DRAFT),
    ACTIVATE("activated", Set.of(DRAFT), ACTIVE),
    PAUSE("paused", Set.of(ACTIVE), PAUSED),
    HALT("halted", Set.of(ACTIVE), HALTED),
    REACTIVATE("reactivated", Set.of(PAUSED, HALTED), ACTIVE),
    COMPLETE("completed", Set.of(ACTIVE), COMPLETED);

    private final String verb;
    private final Set<JobStatus> from;
    private final JobStatus to;

    JobMove(String verb, Set<JobStatus> from, JobStatus to) {
        this.verb = verb;
        this.from = from;
        this.to = to;
    }

    Set<JobStatus> from() {
        return from;
    }

    JobStatus to() {
        return to;
    }

    /** Throws {@link IllegalTransitionException} naming the job, both statuses, the legal moves. */
    void checkAllowed(Job job) {
        if (!from.contains(job.status()) || !job.status().canMoveTo(to)) {
            throw refused(job, "it cannot be " + verb);
        }
    }

    static IllegalTransitionException refused(Job job, String problem) {
        return new IllegalTransitionException("job \"" + job.id() + "\" is " + title(job.status())
                + "; " + problem + ". " + legalMoves(job.status()));
    }

    /** The status as a person reads it in a sentence: {@code Sampling failed}. */
    static String title(JobStatus status) {
        return switch (status) {
            case DRAFT -> "Draft";
            case SAMPLING -> "Sampling";
            case SAMPLING_FAILED -> "Sampling failed";
            case ACTIVE -> "Active";
            case PAUSED -> "Paused";
            case HALTED -> "Halted";
            case COMPLETED -> "Completed";
        };
    }

    private static String legalMoves(JobStatus status) {
        return switch (status) {
            case DRAFT -> "A draft job can be sampled or activated.";
            case SAMPLING -> "A job being sampled returns to draft when its sample report is"
                    + " ready, or is marked sampling failed.";
            case SAMPLING_FAILED -> "A job whose sampling failed can be sampled again, or edited"
                    + " back to draft.";
            case ACTIVE -> "An active job can be paused or halted, and completed when it is"
                    + " one-time.";
            case PAUSED -> "A paused job can only be reactivated.";
            case HALTED -> "A halted job can only be reactivated.";
            case COMPLETED -> "A completed one-time job has no further moves.";
        };
    }
}
