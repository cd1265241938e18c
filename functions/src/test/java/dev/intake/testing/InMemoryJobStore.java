package dev.intake.testing;

import dev.intake.job.Job;
import dev.intake.job.JobDefinition;
import dev.intake.job.JobStatus;
import dev.intake.port.ConflictException;
import dev.intake.port.JobStore;
import dev.intake.run.StatusChange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Jobs in a map; enough for the steps, which only read definitions. */
public final class InMemoryJobStore implements JobStore {

    private final Map<String, Job> jobs = new TreeMap<>();

    @Override
    public Job create(JobDefinition definition, Instant at, String cause) {
        if (jobs.containsKey(definition.id())) {
            throw new ConflictException("job " + definition.id() + " exists");
        }
        Job job = new Job(definition, JobStatus.DRAFT, at, 1);
        jobs.put(definition.id(), job);
        return job;
    }

    @Override
    public Job updateDefinition(JobDefinition definition, Instant at) {
        Job old = jobs.get(definition.id());
        Job job = new Job(definition, old.status(), old.statusSince(), old.version() + 1);
        jobs.put(definition.id(), job);
        return job;
    }

    @Override
    public Optional<Job> find(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    @Override
    public List<Job> list() {
        return List.copyOf(jobs.values());
    }

    @Override
    public List<Job> listByStatus(JobStatus status) {
        return jobs.values().stream().filter(j -> j.status() == status).toList();
    }

    @Override
    public Job transition(String jobId, JobStatus from, JobStatus to, Instant at, String cause) {
        Job old = jobs.get(jobId);
        Job job = new Job(old.definition(), to, at, old.version() + 1);
        jobs.put(jobId, job);
        return job;
    }

    @Override
    public List<StatusChange> history(String jobId) {
        return List.of();
    }

    @Override
    public void delete(String jobId) {
        jobs.remove(jobId);
    }
}
