package dev.intake.port;

import dev.intake.job.JobDefinition;
import java.util.Optional;

/**
 * The schedules that start a job's runs: EventBridge Scheduler on AWS, the in-process scheduler
 * locally. One schedule per job, named after the job id.
 */
public interface JobSchedules {

    /** Creates the job's schedule, or replaces it if it exists, enabled. */
    void put(String jobId, JobDefinition.Schedule schedule);

    /** Disables the schedule and changes nothing else about it. */
    void disable(String jobId);

    void enable(String jobId);

    void delete(String jobId);

    Optional<State> find(String jobId);

    record State(JobDefinition.Schedule schedule, boolean enabled) {}
}
