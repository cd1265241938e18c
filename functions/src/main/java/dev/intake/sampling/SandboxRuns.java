package dev.intake.sampling;

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
import java.util.List;
import java.util.Optional;

/**
 * The run store a sample run sees: the one run of the sample, in memory, with the same
 * conditional moves as the real stores, so that the steps behave as in a real run. The sample's
 * run is never stored for real: a sample is not a run of the job.
 */
final class SandboxRuns implements RunStore {

    private Run run;

    @Override
    public Created create(Run fresh) {
        if (run != null) {
            return new Created(run, false);
        }
        run = fresh;
        return new Created(run, true);
    }

    @Override
    public Optional<Run> find(String runId) {
        return run != null && run.id().equals(runId) ? Optional.of(run) : Optional.empty();
    }

    @Override
    public List<Run> listByJob(String jobId, int limit) {
        return run != null && run.jobId().equals(jobId) && limit > 0 ? List.of(run) : List.of();
    }

    @Override
    public Run transition(String runId, RunStatus from, RunStatus to, Instant at,
            FailureReason reason) {
        Run current = load(runId);
        if (current.status() != from) {
            throw new ConflictException("sample run " + runId + " is " + current.status().label()
                    + ", not " + from.label());
        }
        if (!from.canMoveTo(to)) {
            throw new IllegalTransitionException("sample run " + runId + " cannot move from "
                    + from.label() + " to " + to.label());
        }
        List<StatusChange> history = new ArrayList<>(current.history());
        history.add(new StatusChange(to.label(), at, reason == null ? null : reason.code()));
        run = new Run(current.id(), current.jobId(), current.attempt(), current.rerunOf(),
                current.trigger(), current.source(), to, current.counts(), reason,
                current.failedRecordsKey(), current.executionId(), current.nextRerunAt(),
                history);
        return run;
    }

    @Override
    public Run recordResults(String runId, RunCounts counts, String failedRecordsKey) {
        Run current = load(runId);
        run = new Run(current.id(), current.jobId(), current.attempt(), current.rerunOf(),
                current.trigger(), current.source(), current.status(), counts, current.reason(),
                failedRecordsKey, current.executionId(), current.nextRerunAt(), current.history());
        return run;
    }

    @Override
    public Run recordNextRerun(String runId, Instant nextRerunAt) {
        return load(runId);
    }

    @Override
    public Run recordNote(String runId, String code, String message, Instant at) {
        return load(runId);
    }

    private Run load(String runId) {
        return find(runId).orElseThrow(() -> new IllegalStateException(
                "the sample sandbox holds no run " + runId));
    }
}
