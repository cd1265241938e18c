package dev.intake.job;

import dev.intake.port.JobStore;
import dev.intake.run.Run;
import dev.intake.run.RunStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * Completes a one-time job once the run its schedule started has ended. Runs a file upload
 * starts do not complete the job: only the one scheduled import does.
 */
public final class OneTimeCompletion {

    private final JobStore jobs;
    private final JobLifecycle lifecycle;

    public OneTimeCompletion(JobStore jobs, JobLifecycle lifecycle) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
    }

    /**
     * Call when the execution a schedule firing started has ended, with its last attempt (or
     * without one, when the firing found nothing to import). Returns the job when it moved to
     * Completed: it is one-time, still Active (a Halted one waits for a person), and the
     * attempt is final with no rerun to come.
     */
    public Optional<Job> afterScheduledFiring(String jobId, Optional<Run> lastAttempt, String by) {
        Optional<Job> job = jobs.find(jobId);
        if (job.isEmpty() || !isOneTime(job.get()) || job.get().status() != JobStatus.ACTIVE) {
            return Optional.empty();
        }
        if (lastAttempt.isPresent() && !hasEnded(lastAttempt.get())) {
            return Optional.empty();
        }
        String cause = lastAttempt.map(run -> "run " + run.id() + " ended "
                + run.status().label()).orElse("its schedule found no file to import");
        return Optional.of(lifecycle.complete(jobId, by + ": " + cause));
    }

    private static boolean isOneTime(Job job) {
        JobDefinition.Schedule schedule = job.definition().schedule();
        return schedule != null && "one-time".equals(schedule.type());
    }

    private static boolean hasEnded(Run run) {
        boolean rerunComing = run.status() == RunStatus.FAILED && run.nextRerunAt() != null;
        return run.status().isFinal() && !rerunComing;
    }
}
