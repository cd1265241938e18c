package dev.intake.fake;

import dev.intake.job.Job;
import dev.intake.job.JobDefinition;
import dev.intake.job.JobStatus;
import dev.intake.port.ConflictException;
import dev.intake.port.IllegalTransitionException;
import dev.intake.port.JobStore;
import dev.intake.run.StatusChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A {@link JobStore} in memory, with the conditional writes the real stores make. */
public final class InMemoryJobStore implements JobStore {

    private final Map<String, Job> jobs = new TreeMap<>();
    private final Map<String, List<StatusChange>> histories = new TreeMap<>();

    /** Puts a job straight into a status, as if it had got there; for arranging a test. */
    public synchronized Job seed(JobDefinition definition, JobStatus status, Instant at) {
        Job job = new Job(definition, status, at, 1);
        jobs.put(definition.id(), job);
        histories.put(definition.id(), new ArrayList<>(
                List.of(new StatusChange(status.label(), at, "seeded by the test"))));
        return job;
    }

    @Override
    public synchronized Job create(JobDefinition definition, Instant at, String cause) {
        if (jobs.containsKey(definition.id())) {
            throw new ConflictException("job \"" + definition.id() + "\" exists already");
        }
        Job job = new Job(definition, JobStatus.DRAFT, at, 1);
        jobs.put(job.id(), job);
        histories.put(job.id(), new ArrayList<>(
                List.of(new StatusChange(JobStatus.DRAFT.label(), at, cause))));
        return job;
    }

    @Override
    public synchronized Job updateDefinition(JobDefinition definition, Instant at) {
        Job current = existing(definition.id());
        Job updated = new Job(definition, current.status(), current.statusSince(),
                current.version() + 1);
        jobs.put(updated.id(), updated);
        return updated;
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
    public synchronized Job transition(
            String jobId, JobStatus from, JobStatus to, Instant at, String cause) {
        Job current = existing(jobId);
        if (current.status() != from) {
            throw new ConflictException("job \"" + jobId + "\" is " + current.status().label()
                    + ", not " + from.label() + "; another writer moved it first");
        }
        if (!from.canMoveTo(to)) {
            throw new IllegalTransitionException("job \"" + jobId + "\" cannot move from "
                    + from.label() + " to " + to.label());
        }
        Job moved = new Job(current.definition(), to, at, current.version() + 1);
        jobs.put(jobId, moved);
        histories.get(jobId).add(new StatusChange(to.label(), at, cause));
        return moved;
    }

    @Override
    public synchronized List<StatusChange> history(String jobId) {
        return List.copyOf(histories.getOrDefault(jobId, List.of()));
    }

    @Override
    public synchronized void delete(String jobId) {
        jobs.remove(jobId);
        histories.remove(jobId);
    }

    private Job existing(String jobId) {
        Job job = jobs.get(jobId);
        if (job == null) {
            throw new IllegalStateException("job \"" + jobId + "\" is not in the store");
        }
        return job;
    }
}
