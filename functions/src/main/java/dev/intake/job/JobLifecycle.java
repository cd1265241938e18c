package dev.intake.job;

import dev.intake.port.IllegalTransitionException;
import dev.intake.port.JobSchedules;
import dev.intake.port.JobStore;
import dev.intake.port.PendingFiles;
import dev.intake.port.PendingFiles.PendingFile;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Moves jobs through their statuses and keeps their schedules in step: an Active job's schedule
 * is enabled, a Paused or Halted job's is disabled, a Completed or deleted job has none.
 *
 * <p>Each move reads the job, refuses an illegal move with {@link IllegalTransitionException},
 * changes the schedule, then stores the new status with a conditional write. The schedule changes
 * are safe to repeat, so a move retried after a failure between the two steps completes; a move
 * that loses the conditional write to another writer throws
 * {@link dev.intake.port.ConflictException} with the schedule already changed, which the retry
 * of the winning move puts right.
 *
 * <p>{@code by} names who or what caused a move (a person, {@code run 20261204-...}); it is stored
 * with the status change, followed by the reason where there is one.
 */
public final class JobLifecycle {

    private final JobStore jobs;
    private final JobSchedules schedules;
    private final PendingFiles pendingFiles;
    private final Clock clock;

    public JobLifecycle(
            JobStore jobs, JobSchedules schedules, PendingFiles pendingFiles, Clock clock) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.schedules = Objects.requireNonNull(schedules, "schedules");
        this.pendingFiles = Objects.requireNonNull(pendingFiles, "pendingFiles");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Stores a new job in Draft; throws {@link dev.intake.port.ConflictException} if taken, and
     * {@link InvalidJobDefinitionException} if its source prefix overlaps another job's.
     */
    public Job create(JobDefinition definition, String by) {
        checkPrefixIsItsOwn(definition);

        return jobs.create(definition, clock.instant(), by);
    }

    /** Draft or Sampling failed to Sampling. */
    public Job startSampling(String jobId, String by) {
        return move(load(jobId), JobMove.SAMPLE, by);
    }

    /** Sampling back to Draft; {@code report} says where the sample report is. */
    public Job samplingSucceeded(String jobId, String report, String by) {
        return move(load(jobId), JobMove.FINISH_SAMPLING, by + ": " + report);
    }

    /** Sampling to Sampling failed, with the reason the sample could not be read. */
    public Job samplingFailed(String jobId, String reason, String by) {
        return move(load(jobId), JobMove.FAIL_SAMPLING, by + ": " + reason);
    }

    /**
     * Replaces the definition of a Draft job; of a Sampling failed one, which goes back to Draft;
     * or of a Paused or Halted one, which keeps its status and gets its schedule from the new
     * definition when reactivated. An Active job must be paused first: a run may be reading the
     * definition it would change. Other statuses refuse the edit.
     */
    public Job redefine(JobDefinition definition, String by) {
        Job job = load(definition.id());
        checkPrefixIsItsOwn(definition);
        if (job.status() == JobStatus.DRAFT) {
            return jobs.updateDefinition(definition, clock.instant());
        }
        if (job.status() == JobStatus.PAUSED || job.status() == JobStatus.HALTED) {
            // Reactivation puts the schedule again from the new definition when none exists.
            deleteSchedule(job.id());
            return jobs.updateDefinition(definition, clock.instant());
        }
        if (job.status() == JobStatus.ACTIVE) {
            throw JobMove.refused(job, "it cannot be edited while it runs; pause it first, edit"
                    + " it, then reactivate it");
        }
        JobMove.EDIT_BACK_TO_DRAFT.checkAllowed(job);

        jobs.updateDefinition(definition, clock.instant());

        return move(load(definition.id()), JobMove.EDIT_BACK_TO_DRAFT, by);
    }

    /** Draft to Active; creates the job's schedule, enabled, when it has one. */
    public Job activate(String jobId, String by) {
        Job job = load(jobId);
        JobMove.ACTIVATE.checkAllowed(job);

        if (hasSchedule(job)) {
            schedules.put(jobId, job.definition().schedule());
        }

        return move(job, JobMove.ACTIVATE, by);
    }

    /** Active to Paused, by a person; disables the schedule. */
    public Job pause(String jobId, String by) {
        Job job = load(jobId);
        JobMove.PAUSE.checkAllowed(job);

        disableSchedule(jobId);

        return move(job, JobMove.PAUSE, by);
    }

    /** Active to Halted, by the system after the last rerun failed; disables the schedule. */
    public Job halt(String jobId, String reason, String by) {
        Job job = load(jobId);
        JobMove.HALT.checkAllowed(job);

        disableSchedule(jobId);

        return move(job, JobMove.HALT, by + ": " + reason);
    }

    /**
     * Paused or Halted to Active; enables the schedule (creating it again if it was lost) and
     * returns the files that arrived meanwhile, oldest first, for the caller to import.
     */
    public Reactivation reactivate(String jobId, String by) {
        Job job = load(jobId);
        JobMove.REACTIVATE.checkAllowed(job);

        if (hasSchedule(job)) {
            enableSchedule(job);
        }
        Job active = move(job, JobMove.REACTIVATE, by);

        return new Reactivation(active, pendingInArrivalOrder(jobId));
    }

    /** A one-time job whose run ended: Active to Completed; deletes its schedule. */
    public Job complete(String jobId, String by) {
        Job job = load(jobId);
        JobMove.COMPLETE.checkAllowed(job);
        checkOneTime(job);

        deleteSchedule(jobId);

        return move(job, JobMove.COMPLETE, by);
    }

    /** Deletes the job and its schedule, whatever its status. */
    public void delete(String jobId) {
        load(jobId);

        deleteSchedule(jobId);

        jobs.delete(jobId);
    }

    /**
     * A file must belong to exactly one job, so no job's prefix may equal, contain or lie inside
     * another's: otherwise one upload would start runs of two jobs, or of the wrong one.
     */
    private void checkPrefixIsItsOwn(JobDefinition definition) {
        String prefix = definition.source().prefix();
        List<String> problems = jobs.list().stream()
                .filter(other -> !other.id().equals(definition.id()))
                .filter(other -> overlaps(prefix, other.definition().source().prefix()))
                .map(other -> overlapProblem(definition, other.definition()))
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidJobDefinitionException(problems);
        }
    }

    private static boolean overlaps(String prefix, String other) {
        return prefix.startsWith(other) || other.startsWith(prefix);
    }

    private static String overlapProblem(JobDefinition job, JobDefinition other) {
        String prefix = job.source().prefix();
        String otherPrefix = other.source().prefix();
        String relation = prefix.equals(otherPrefix) ? "is the same as"
                : prefix.startsWith(otherPrefix) ? "lies inside" : "contains";
        return "job \"" + job.id() + "\": source.prefix: \"" + prefix + "\" " + relation
                + " the prefix \"" + otherPrefix + "\" of job \"" + other.id()
                + "\"; a file must belong to one job, so give this job a prefix that neither "
                + "contains nor lies inside another job's";
    }

    private Job load(String jobId) {
        return jobs.find(jobId).orElseThrow(() -> new JobNotFoundException(jobId));
    }

    private Job move(Job job, JobMove move, String cause) {
        move.checkAllowed(job);
        return jobs.transition(job.id(), job.status(), move.to(), clock.instant(), cause);
    }

    private static boolean hasSchedule(Job job) {
        JobDefinition.Schedule schedule = job.definition().schedule();
        return schedule != null && !"none".equals(schedule.type());
    }

    private static void checkOneTime(Job job) {
        JobDefinition.Schedule schedule = job.definition().schedule();
        if (schedule == null || !"one-time".equals(schedule.type())) {
            throw JobMove.refused(job, "it cannot be completed, because it is not a one-time job");
        }
    }

    private void enableSchedule(Job job) {
        if (schedules.find(job.id()).isPresent()) {
            schedules.enable(job.id());
        } else {
            schedules.put(job.id(), job.definition().schedule());
        }
    }

    private void disableSchedule(String jobId) {
        if (schedules.find(jobId).filter(JobSchedules.State::enabled).isPresent()) {
            schedules.disable(jobId);
        }
    }

    private void deleteSchedule(String jobId) {
        if (schedules.find(jobId).isPresent()) {
            schedules.delete(jobId);
        }
    }

    private List<PendingFile> pendingInArrivalOrder(String jobId) {
        return pendingFiles.list(jobId).stream()
                .sorted(Comparator.comparing(PendingFile::arrivedAt)
                        .thenComparing(file -> file.object().key()))
                .toList();
    }
}
