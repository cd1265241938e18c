package dev.intake.local.cli;

import dev.intake.job.InvalidJobDefinitionException;
import dev.intake.job.Job;
import dev.intake.job.JobDefinition;
import dev.intake.job.JobDefinition.Destination;
import dev.intake.job.JobDefinition.Field;
import dev.intake.job.JobDefinition.FieldType;
import dev.intake.job.JobDefinition.Schema;
import dev.intake.job.JobDefinition.Source;
import dev.intake.job.JobDefinition.WriteMode;
import dev.intake.job.JobStatus;
import dev.intake.local.runtime.LocalIntake;
import dev.intake.local.runtime.NotFoundException;
import dev.intake.run.FailureReason;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import dev.intake.run.SourceObject;
import dev.intake.run.StatusChange;
import dev.intake.run.Trigger;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A hand-written LocalIntake with one job and fixed runs, for the CLI's output and exit codes. */
final class FakeIntake implements LocalIntake {

    static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    final List<Run> runs = new ArrayList<>();
    List<Run> nextUpload = List.of();
    boolean closed;

    static Job contactsJob(JobStatus status) {
        JobDefinition definition = new JobDefinition("contacts", "Conference contacts",
                new Source("incoming/contacts/"), null,
                new Schema(List.of("id"), List.of(new Field("id", FieldType.INTEGER, true, null, null,
                        null, null, null, null, null)), null, null),
                new Destination("contacts", WriteMode.MERGE), BigDecimal.TEN, null, null);
        return new Job(definition, status, T0, 2);
    }

    static Run partiallyCompleted() {
        return new Run("contacts-abc-1", "contacts", 1, null, Trigger.UPLOAD,
                new SourceObject("intake-local", "incoming/contacts/contacts.csv", "v1", "e1", 812),
                RunStatus.PARTIALLY_COMPLETED, new RunCounts(16, 10, 10, 6, 0), null,
                "failed-records/contacts/contacts-abc-1.csv", "arn:exec:1", null,
                List.of(new StatusChange("validating", T0, "upload"),
                        new StatusChange("processing", T0.plusSeconds(1), null),
                        new StatusChange("importing", T0.plusSeconds(2), null),
                        new StatusChange("partially_completed", T0.plusSeconds(3), null)));
    }

    static Run failed(int attempt, String rerunOf) {
        return new Run("contacts-def-" + attempt, "contacts", attempt, rerunOf,
                attempt == 1 ? Trigger.UPLOAD : Trigger.RERUN, null, RunStatus.FAILED,
                RunCounts.NONE, new FailureReason("DEPENDENCY_UNAVAILABLE", "the database is down"),
                null, "arn:exec:2", null, List.of(new StatusChange("failed", T0, null)));
    }

    @Override
    public Job createJob(Path definitionFile) {
        if (definitionFile.toString().contains("invalid")) {
            throw new InvalidJobDefinitionException(List.of(
                    "job \"contacts\": schema.key: missing; name the field or fields that identify"
                            + " a record"));
        }
        return contactsJob(JobStatus.DRAFT);
    }

    @Override
    public List<Job> jobs() {
        return List.of(contactsJob(JobStatus.ACTIVE));
    }

    @Override
    public Job job(String jobId) {
        if (!jobId.equals("contacts")) {
            throw new NotFoundException("no job " + jobId + "; see intake jobs list");
        }
        return contactsJob(JobStatus.ACTIVE);
    }

    @Override
    public Job activate(String jobId) {
        job(jobId);
        return contactsJob(JobStatus.ACTIVE);
    }

    @Override
    public Job pause(String jobId) {
        job(jobId);
        return contactsJob(JobStatus.PAUSED);
    }

    @Override
    public List<Run> reactivate(String jobId) {
        job(jobId);
        return List.of();
    }

    @Override
    public List<Run> upload(String jobId, Path file) {
        job(jobId);
        return nextUpload;
    }

    @Override
    public List<Run> startScheduled(String jobId, Instant dueAt) {
        job(jobId);
        return List.of();
    }

    @Override
    public List<Run> runs(String jobId) {
        return runs;
    }

    @Override
    public Run run(String runId) {
        return runs.stream().filter(r -> r.id().equals(runId)).findFirst()
                .orElseThrow(() -> new NotFoundException("no run " + runId
                        + "; see intake runs list JOB"));
    }

    @Override
    public Optional<Path> failedRecordsFile(Run run) {
        return Optional.ofNullable(run.failedRecordsKey()).map(key -> Path.of("/state", key));
    }

    @Override
    public List<Run> retry(String runId) {
        return List.of(run(runId));
    }

    @Override
    public Path stateDirectory() {
        return Path.of("/state");
    }

    @Override
    public Path databaseFile() {
        return Path.of("/state/intake.db");
    }

    @Override
    public Path outboxDirectory() {
        return Path.of("/state/outbox");
    }

    @Override
    public void close() {
        closed = true;
    }
}
