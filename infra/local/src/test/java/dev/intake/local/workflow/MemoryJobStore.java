package dev.intake.local.workflow;

import dev.intake.job.Job;
import dev.intake.job.JobDefinition;
import dev.intake.job.JobStatus;
import dev.intake.port.ConflictException;
import dev.intake.port.IllegalTransitionException;
import dev.intake.port.JobStore;
import dev.intake.run.StatusChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Jobs in memory, with the conditional transitions of the real stores. */
final class MemoryJobStore implements JobStore {

    private final Map<String, Job> jobs = new TreeMap<>();
    private final Map<String, List<StatusChange>> history = new HashMap<>();

    @Override
    public synchronized Job create(JobDefinition definition, Instant at, String cause) {
        if (jobs.containsKey(definition.id())) {
            throw new ConflictException("job " + definition.id() + " exists");
        }
        Job job = new Job(definition, JobStatus.DRAFT, at, 1);
        jobs.put(job.id(), job);
        history.put(job.id(), new ArrayList<>(List.of(new StatusChange("draft", at, cause))));
        return job;
    }

    /** A job stored straight in {@code status}, as if it had been activated. */
    synchronized Job put(JobDefinition definition, JobStatus status, Instant at) {
        Job job = new Job(definition, status, at, 1);
        jobs.put(job.id(), job);
        history.put(job.id(), new ArrayList<>(List.of(new StatusChange(status.label(), at,
                "test setup"))));
        return job;
    }

    @Override
    public synchronized Job updateDefinition(JobDefinition definition, Instant at) {
        Job old = jobs.get(definition.id());
        Job job = new Job(definition, old.status(), old.statusSince(), old.version() + 1);
        jobs.put(job.id(), job);
        return job;
    }

    @Override
    public synchronized Optional<Job> find(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    @Override
    public synchronized List<Job> list() {
        return List.copyOf(jobs.values());
    }

    @Override
    public synchronized List<Job> listByStatus(JobStatus status) {
        return jobs.values().stream().filter(job -> job.status() == status).toList();
    }

    @Override
    public synchronized Job transition(String jobId, JobStatus from, JobStatus to, Instant at,
            String cause) {
        if (!from.canMoveTo(to)) {
            throw new IllegalTransitionException("job " + jobId + ": " + from + " -> " + to);
        }
        Job old = jobs.get(jobId);
        if (old == null || old.status() != from) {
            throw new ConflictException("job " + jobId + " is not " + from);
        }
        Job job = new Job(old.definition(), to, at, old.version() + 1);
        jobs.put(jobId, job);
        history.get(jobId).add(new StatusChange(to.label(), at, cause));
        return job;
    }

    @Override
    public synchronized List<StatusChange> history(String jobId) {
        return List.copyOf(history.getOrDefault(jobId, List.of()));
    }

    @Override
    public synchronized void delete(String jobId) {
        jobs.remove(jobId);
    }
}
