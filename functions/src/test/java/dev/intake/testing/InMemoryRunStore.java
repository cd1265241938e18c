package dev.intake.testing;

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

/** Runs in a map, with the same conditional transitions as the real stores. */
public final class InMemoryRunStore implements RunStore {

    private final Map<String, Run> runs = new LinkedHashMap<>();

    @Override
    public Created create(Run run) {
        Run existing = runs.putIfAbsent(run.id(), run);
        return new Created(existing == null ? run : existing, existing == null);
    }

    @Override
    public Optional<Run> find(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    @Override
    public List<Run> listByJob(String jobId, int limit) {
        return runs.values().stream().filter(r -> r.jobId().equals(jobId))
                .sorted(Comparator.comparing(Run::id).reversed()).limit(limit).toList();
    }

    @Override
    public Run transition(String runId, RunStatus from, RunStatus to, Instant at,
            FailureReason reason) {
        Run run = runs.get(runId);
        if (run.status() != from) {
            throw new ConflictException("run " + runId + " is " + run.status() + ", not " + from);
        }
        if (!from.canMoveTo(to)) {
            throw new IllegalTransitionException("run " + runId + ": " + from + " -> " + to);
        }
        List<StatusChange> history = new ArrayList<>(run.history());
        history.add(new StatusChange(to.label(), at, reason == null ? null : reason.code()));
        return save(new Run(run.id(), run.jobId(), run.attempt(), run.rerunOf(), run.trigger(),
                run.source(), to, run.counts(), reason, run.failedRecordsKey(),
                run.executionId(), run.nextRerunAt(), history));
    }

    @Override
    public Run recordResults(String runId, RunCounts counts, String failedRecordsKey) {
        Run run = runs.get(runId);
        return save(new Run(run.id(), run.jobId(), run.attempt(), run.rerunOf(), run.trigger(),
                run.source(), run.status(), counts, run.reason(), failedRecordsKey,
                run.executionId(), run.nextRerunAt(), run.history()));
    }

    @Override
    public Run recordNextRerun(String runId, Instant nextRerunAt) {
        Run run = runs.get(runId);
        return save(new Run(run.id(), run.jobId(), run.attempt(), run.rerunOf(), run.trigger(),
                run.source(), run.status(), run.counts(), run.reason(), run.failedRecordsKey(),
                run.executionId(), nextRerunAt, run.history()));
    }

    @Override
    public Run recordNote(String runId, String code, String message, Instant at) {
        return runs.get(runId);
    }

    private Run save(Run run) {
        runs.put(run.id(), run);
        return run;
    }
}
