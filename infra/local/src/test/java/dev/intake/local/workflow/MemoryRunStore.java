package dev.intake.local.workflow;

import dev.intake.port.ConflictException;
import dev.intake.port.IllegalTransitionException;
import dev.intake.port.RunStore;
import dev.intake.run.FailureReason;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import dev.intake.run.StatusChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs in memory, with the conditional transitions of the real stores, and their notes. */
final class MemoryRunStore implements RunStore {

    record Note(String runId, String code, String message, Instant at) {}

    private final Map<String, Run> runs = new LinkedHashMap<>();
    private final List<Note> notes = new ArrayList<>();
    private int creates;

    @Override
    public synchronized Created create(Run run) {
        creates++;
        Run existing = runs.get(run.id());
        if (existing != null) {
            return new Created(existing, false);
        }
        runs.put(run.id(), run);
        return new Created(run, true);
    }

    @Override
    public synchronized Optional<Run> find(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    @Override
    public synchronized List<Run> listByJob(String jobId, int limit) {
        List<Run> all = new ArrayList<>(runs.values().stream()
                .filter(run -> run.jobId().equals(jobId)).toList());
        all.sort(Comparator.comparing((Run run) -> run.history().get(0).at()).reversed());
        return all.subList(0, Math.min(limit, all.size()));
    }

    /** Every run of every job, in the order they were created. */
    synchronized List<Run> all() {
        return List.copyOf(runs.values());
    }

    synchronized List<Note> notes() {
        return List.copyOf(notes);
    }

    @Override
    public synchronized Run transition(String runId, RunStatus from, RunStatus to, Instant at,
            FailureReason reason) {
        if (!from.canMoveTo(to)) {
            throw new IllegalTransitionException("run " + runId + ": " + from + " -> " + to);
        }
        Run run = existing(runId);
        if (run.status() != from) {
            throw new ConflictException("run " + runId + " is " + run.status() + ", not " + from);
        }
        List<StatusChange> history = new ArrayList<>(run.history());
        history.add(new StatusChange(to.label(), at, reason == null ? null : reason.code()));
        return store(new Run(run.id(), run.jobId(), run.attempt(), run.rerunOf(), run.trigger(),
                run.source(), to, run.counts(), reason != null ? reason : run.reason(),
                run.failedRecordsKey(), run.executionId(), run.nextRerunAt(), history));
    }

    @Override
    public synchronized Run recordResults(String runId, RunCounts counts, String failedRecordsKey) {
        Run run = existing(runId);
        return store(new Run(run.id(), run.jobId(), run.attempt(), run.rerunOf(), run.trigger(),
                run.source(), run.status(), counts, run.reason(), failedRecordsKey,
                run.executionId(), run.nextRerunAt(), run.history()));
    }

    @Override
    public synchronized Run recordNextRerun(String runId, Instant nextRerunAt) {
        Run run = existing(runId);
        return store(new Run(run.id(), run.jobId(), run.attempt(), run.rerunOf(), run.trigger(),
                run.source(), run.status(), run.counts(), run.reason(), run.failedRecordsKey(),
                run.executionId(), nextRerunAt, run.history()));
    }

    @Override
    public synchronized Run recordNote(String runId, String code, String message, Instant at) {
        notes.add(new Note(runId, code, message, at));
        return existing(runId);
    }

    private Run existing(String runId) {
        Run run = runs.get(runId);
        if (run == null) {
            throw new ConflictException("run " + runId + " does not exist");
        }
        return run;
    }

    private Run store(Run run) {
        runs.put(run.id(), run);
        return run;
    }
}
