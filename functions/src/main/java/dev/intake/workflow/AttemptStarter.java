package dev.intake.workflow;

import dev.intake.job.Job;
import dev.intake.job.JobStatus;
import dev.intake.port.ObjectStore.ObjectInfo;
import dev.intake.port.PendingFiles;
import dev.intake.port.RunStore;
import dev.intake.run.FailureReason;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import dev.intake.run.SourceObject;
import dev.intake.run.StatusChange;
import dev.intake.run.Trigger;
import dev.intake.workflow.AttemptState.Outcome;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first task of every attempt (StartRun). Creates the attempt's run, once: the run id follows
 * from the execution name and the attempt number, so a repeated call finds the run it made.
 *
 * <p>A rerun resumes where the attempt before it stopped: work that finished (validation,
 * processing) left its output in staging objects of the chain, and the rerun starts at the step
 * that did not finish, with the counts that step had.
 */
public final class AttemptStarter {

    private static final Logger LOG = LoggerFactory.getLogger(AttemptStarter.class);
    private static final int RECENT_RUNS = 100;

    private final Services services;
    private final JobResolver jobResolver;
    private final StagingCarryOver staging;

    public AttemptStarter(Services services) {
        this.services = services;
        this.jobResolver = new JobResolver(services.jobs());
        this.staging = new StagingCarryOver(services.objects());
    }

    public AttemptState start(AttemptInput input) {
        services.faults().beforeStep(Step.START, input.runId());

        Optional<Job> job = jobResolver.forRequest(input.request());
        if (job.isEmpty()) {
            return skipped(input, null, "no job watches key " + keyOf(input.request()));
        }
        if (input.attempt() == 1) {
            return startFirstAttempt(input, job.get());
        }
        return startRerun(input, job.get());
    }

    private AttemptState startFirstAttempt(AttemptInput input, Job job) {
        RunRequest request = input.request();
        boolean byPerson = request.trigger() == Trigger.MANUAL_RETRY;
        if (!byPerson && job.status() != JobStatus.ACTIVE) {
            return keepPending(input, job);
        }

        Optional<SourceObject> source = request.source() != null
                ? Optional.of(request.source()) : newestFile(job);
        if (source.isEmpty()) {
            return skipped(input, job.id(), "no file under " + job.definition().source().prefix()
                    + " to import");
        }
        Optional<Run> earlier = byPerson ? Optional.empty() : earlierRunOf(job.id(), source.get());
        if (earlier.isPresent()) {
            // Another execution (a redelivery, the schedule, a reactivation) had this version.
            return skipped(input, job.id(), "file " + source.get().key() + " (version "
                    + RunNames.versionOf(source.get()) + ") was taken already by run "
                    + earlier.get().id() + ", now " + earlier.get().status().label());
        }

        Run fresh = newRun(input, job, source.get(), request.trigger(), request.retryOf(),
                RunStatus.VALIDATING, RunCounts.NONE, null, "started by " + label(request));
        return createOnce(input, fresh);
    }

    private AttemptState startRerun(AttemptInput input, Job job) {
        SourceObject source = sourceOfChain(input, job);

        Optional<Run> previous = closeEarlierAttempts(input, job, source);
        if (previous.isPresent() && finishedWell(previous.get())) {
            // The attempt ended its run and failed after that (in FinishRun): nothing to redo.
            Run done = previous.get();
            return new AttemptState(done.id(), done.jobId(), done.attempt(), done.status(),
                    Step.FINISH, Outcome.RUNNING, done.counts(), null);
        }

        return createOnce(input, resumedRun(input, job, source, previous));
    }

    /** The file the first attempt imports; a rerun imports the same version. */
    private SourceObject sourceOfChain(AttemptInput input, Job job) {
        return services.runs().find(RunNames.runId(input.executionName(), 1))
                .map(Run::source)
                .or(() -> Optional.ofNullable(input.request().source()))
                .or(() -> newestFile(job))
                .orElseThrow(() -> new IllegalStateException("Run " + input.runId()
                        + ": the file of the first attempt is unknown and job " + job.id()
                        + " has no file under " + job.definition().source().prefix()));
    }

    /**
     * The rerun's run, in the status of the step the previous attempt did not finish, with the
     * counts and staged output of the steps it did finish.
     */
    private Run resumedRun(AttemptInput input, Job job, SourceObject source,
            Optional<Run> previous) {
        RunStatus resumeAt = previous.map(AttemptStarter::furthestStep)
                .orElse(RunStatus.VALIDATING);
        boolean fromStart = resumeAt == RunStatus.VALIDATING;
        if (fromStart) {
            previous.ifPresent(run -> staging.discard(source.bucket(), run.id()));
        } else {
            staging.move(source.bucket(), previous.get().id(), input.runId());
        }
        String firstRunId = RunNames.runId(input.executionName(), 1);
        return newRun(input, job, source, Trigger.RERUN, firstRunId, resumeAt,
                fromStart ? RunCounts.NONE : previous.get().counts(),
                fromStart ? null : previous.get().failedRecordsKey(),
                "rerun " + (input.attempt() - 1) + " of " + firstRunId + ", resuming at "
                        + resumeAt.label());
    }

    /**
     * Makes sure every earlier attempt is final and no longer announces a rerun: an attempt the
     * failure recorder could not reach (it crashed too, or the store was down) is closed here
     * with the reason that is known. Returns the attempt just before this one.
     */
    private Optional<Run> closeEarlierAttempts(AttemptInput input, Job job, SourceObject source) {
        Instant now = services.clock().instant();
        Run previous = null;
        for (int attempt = 1; attempt < input.attempt(); attempt++) {
            String runId = RunNames.runId(input.executionName(), attempt);
            Optional<Run> found = services.runs().find(runId);
            previous = found.isPresent()
                    ? closeAttempt(found.get(), now)
                    : recordLostAttempt(input, job, source, attempt, now);
        }
        return Optional.ofNullable(previous);
    }

    private Run closeAttempt(Run run, Instant now) {
        Run closed = run;
        if (!run.status().isFinal()) {
            FailureReason reason = new FailureReason("ATTEMPT_INTERRUPTED", "Attempt "
                    + run.attempt() + " stopped while " + run.status().label()
                    + " without reporting why (the task was killed or timed out); it is rerun");
            closed = services.runs().transition(run.id(), run.status(), RunStatus.FAILED, now,
                    reason);
        }
        if (closed.nextRerunAt() != null) {
            closed = services.runs().recordNextRerun(closed.id(), null);
        }
        return closed;
    }

    private Run recordLostAttempt(AttemptInput input, Job job, SourceObject source, int attempt,
            Instant now) {
        FailureReason reason = new FailureReason("ATTEMPT_NOT_RECORDED", "Attempt " + attempt
                + " failed before its run existed, and its error could not be recorded either;"
                + " the execution history of " + input.executionName() + " shows it");
        AttemptInput earlier = new AttemptInput(input.request(), attempt - 1,
                input.executionId(), input.executionName());
        return services.runs().create(FailedAttempts.of(earlier, job.id(), source, reason, now))
                .run();
    }

    private static boolean finishedWell(Run run) {
        return run.status() == RunStatus.COMPLETED || run.status() == RunStatus.PARTIALLY_COMPLETED;
    }

    /** The step the attempt was in when it failed: the last status before Failed. */
    private static RunStatus furthestStep(Run run) {
        RunStatus furthest = RunStatus.VALIDATING;
        for (StatusChange change : run.history()) {
            RunStatus status = RunStatus.valueOf(change.status().toUpperCase(Locale.ROOT));
            if (!status.isFinal()) {
                furthest = status;
            }
        }
        return furthest;
    }

    private AttemptState createOnce(AttemptInput input, Run fresh) {
        RunStore.Created created = services.runs().create(fresh);
        Run run = created.run();
        if (!created.created() && !input.executionId().equals(run.executionId())) {
            return skipped(input, run.jobId(), "run " + run.id() + " exists already, started by"
                    + " execution " + run.executionId() + " (a delivery of the same event)");
        }
        LOG.info("run.started runId={} jobId={} attempt={} status={} executionId={}",
                run.id(), run.jobId(), run.attempt(), run.status().label(), run.executionId());
        return new AttemptState(run.id(), run.jobId(), run.attempt(), run.status(),
                stepFor(run.status()), Outcome.RUNNING, run.counts(), null);
    }

    private Run newRun(AttemptInput input, Job job, SourceObject source, Trigger trigger,
            String rerunOf, RunStatus status, RunCounts counts, String failedRecordsKey,
            String cause) {
        Instant now = services.clock().instant();
        return new Run(input.runId(), job.id(), input.attempt(), rerunOf, trigger, source, status,
                counts, null, failedRecordsKey, input.executionId(), null,
                List.of(new StatusChange(status.label(), now, cause)));
    }

    private Optional<SourceObject> newestFile(Job job) {
        String bucket = services.config().bucket();
        return services.objects().list(bucket, job.definition().source().prefix()).stream()
                .filter(info -> !info.key().endsWith("/"))
                .filter(info -> !services.config().isOutputKey(info.key()))
                .max(Comparator.comparing(ObjectInfo::lastModified)
                        .thenComparing(ObjectInfo::key))
                .map(info -> new SourceObject(info.bucket(), info.key(), info.version(),
                        info.etag(), info.size()));
    }

    private Optional<Run> earlierRunOf(String jobId, SourceObject source) {
        String version = RunNames.versionOf(source);
        return services.runs().listByJob(jobId, RECENT_RUNS).stream()
                .filter(run -> run.source().key().equals(source.key()))
                .filter(run -> version != null && version.equals(RunNames.versionOf(run.source())))
                .findFirst();
    }

    /** The job stopped after the file arrived: keep the file for its reactivation. */
    private AttemptState keepPending(AttemptInput input, Job job) {
        RunRequest request = input.request();
        if (request.source() != null) {
            services.pendingFiles().add(job.id(),
                    new PendingFiles.PendingFile(request.source(), services.clock().instant()));
        }
        return skipped(input, job.id(), "job " + job.id() + " is " + job.status().label()
                + (request.source() == null ? "; nothing to import"
                        : ": the file stays pending until the job is reactivated"));
    }

    private static AttemptState skipped(AttemptInput input, String jobId, String why) {
        LOG.info("run.skipped executionId={} jobId={} reason=\"{}\"", input.executionId(), jobId,
                why);
        return AttemptState.skipped(jobId, why);
    }

    static Step stepFor(RunStatus status) {
        return switch (status) {
            case VALIDATING -> Step.VALIDATE;
            case PROCESSING -> Step.PROCESS;
            case IMPORTING -> Step.IMPORT;
            case COMPLETED, PARTIALLY_COMPLETED, FAILED, HALTED -> Step.END;
        };
    }

    private static String keyOf(RunRequest request) {
        return request.source() == null ? "(none)" : request.source().key();
    }

    private static String label(RunRequest request) {
        return request.trigger().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
