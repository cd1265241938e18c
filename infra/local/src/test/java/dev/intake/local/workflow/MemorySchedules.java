package dev.intake.local.workflow;

import dev.intake.job.JobDefinition;
import dev.intake.port.JobSchedules;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Job schedules in memory. */
final class MemorySchedules implements JobSchedules {

    private final Map<String, State> schedules = new HashMap<>();

    @Override
    public synchronized void put(String jobId, JobDefinition.Schedule schedule) {
        schedules.put(jobId, new State(schedule, true));
    }

    @Override
    public synchronized void disable(String jobId) {
        schedules.computeIfPresent(jobId, (id, state) -> new State(state.schedule(), false));
    }

    @Override
    public synchronized void enable(String jobId) {
        schedules.computeIfPresent(jobId, (id, state) -> new State(state.schedule(), true));
    }

    @Override
    public synchronized void delete(String jobId) {
        schedules.remove(jobId);
    }

    @Override
    public synchronized Optional<State> find(String jobId) {
        return Optional.ofNullable(schedules.get(jobId));
    }
}
