package dev.intake.fake;

import dev.intake.job.JobDefinition;
import dev.intake.port.JobSchedules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link JobSchedules} in memory. Keeps each job's schedule and state, and the calls made, in
 * order, as {@code "put store-locations"}, {@code "disable store-locations"}. Like EventBridge
 * Scheduler it refuses to enable, disable or delete a schedule that does not exist.
 */
public final class FakeJobSchedules implements JobSchedules {

    private final Map<String, State> schedules = new TreeMap<>();
    private final List<String> calls = new ArrayList<>();

    @Override
    public synchronized void put(String jobId, JobDefinition.Schedule schedule) {
        calls.add("put " + jobId);
        schedules.put(jobId, new State(schedule, true));
    }

    @Override
    public synchronized void disable(String jobId) {
        calls.add("disable " + jobId);
        schedules.put(jobId, new State(existing(jobId).schedule(), false));
    }

    @Override
    public synchronized void enable(String jobId) {
        calls.add("enable " + jobId);
        schedules.put(jobId, new State(existing(jobId).schedule(), true));
    }

    @Override
    public synchronized void delete(String jobId) {
        calls.add("delete " + jobId);
        existing(jobId);
        schedules.remove(jobId);
    }

    @Override
    public synchronized Optional<State> find(String jobId) {
        return Optional.ofNullable(schedules.get(jobId));
    }

    /** The calls that changed something, oldest first ({@code find} is not recorded). */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    private State existing(String jobId) {
        State state = schedules.get(jobId);
        if (state == null) {
            throw new IllegalStateException("no schedule named \"" + jobId + "\"");
        }
        return state;
    }
}
