package dev.intake.schedule;

import dev.intake.job.JobDefinition;
import dev.intake.port.JobSchedules;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The local stand-in for EventBridge Scheduler: keeps each job's schedule and state in memory and
 * says which jobs are due when ticked. {@code intake serve} ticks it from a thread and starts a
 * run per firing; tests tick it with a clock they move.
 *
 * <p>As on AWS, a schedule's rate counts from when it was put, disabling changes only its state,
 * and enabling, disabling or deleting a schedule that does not exist is refused. Schedules live as
 * long as the process: whoever builds this at start-up puts the schedules of the Active jobs.
 * Thread-safe.
 */
public final class InProcessJobSchedules implements JobSchedules {

    private final Clock clock;
    private final ScheduleRunner runner = new ScheduleRunner();
    private final Map<String, Stored> schedules = new TreeMap<>();

    private record Stored(State state, ScheduledJob job) {}

    public InProcessJobSchedules(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Throws {@link InvalidScheduleExpressionException} for an expression or zone AWS would
     * refuse, and {@link IllegalArgumentException} for a schedule of type none.
     */
    @Override
    public synchronized void put(String jobId, JobDefinition.Schedule schedule) {
        Instant now = clock.instant();
        ScheduledJob job = ScheduledJob.of(jobId, schedule, now)
                .orElseThrow(() -> new IllegalArgumentException(
                        "job \"" + jobId + "\" has no schedule to put (type none)"));
        runner.disable(jobId);
        runner.enable(job, now);
        schedules.put(jobId, new Stored(new State(schedule, true), job));
    }

    @Override
    public synchronized void disable(String jobId) {
        Stored stored = existing(jobId);
        runner.disable(jobId);
        schedules.put(jobId, new Stored(new State(stored.state().schedule(), false), stored.job()));
    }

    @Override
    public synchronized void enable(String jobId) {
        Stored stored = existing(jobId);
        runner.enable(stored.job(), clock.instant());
        schedules.put(jobId, new Stored(new State(stored.state().schedule(), true), stored.job()));
    }

    @Override
    public synchronized void delete(String jobId) {
        existing(jobId);
        runner.disable(jobId);
        schedules.remove(jobId);
    }

    @Override
    public synchronized Optional<State> find(String jobId) {
        return Optional.ofNullable(schedules.get(jobId)).map(Stored::state);
    }

    /** The firings due by the clock's time that have not fired yet; see {@link ScheduleRunner}. */
    public synchronized List<Firing> tick() {
        return runner.tick(clock.instant());
    }

    /** When the job runs next by its schedule, if enabled and not exhausted. */
    public synchronized Optional<Instant> nextRun(String jobId) {
        return runner.nextDue(jobId);
    }

    /** The earliest next run of all enabled schedules. */
    public synchronized Optional<Instant> nextDue() {
        return runner.nextDue();
    }

    private Stored existing(String jobId) {
        Stored stored = schedules.get(jobId);
        if (stored == null) {
            throw new IllegalArgumentException("no schedule for job \"" + jobId
                    + "\"; activate the job to create one");
        }
        return stored;
    }
}
