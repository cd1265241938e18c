package dev.intake.workflow;

import dev.intake.run.FailureReason;
import dev.intake.run.Run;
import dev.intake.run.RunStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a failed attempt (RecordFailure): the run becomes Failed with the error that stopped
 * it, and, unless it was the last attempt, says when the rerun starts. The state machine then
 * fails the attempt again with the same error, so that its Retry schedules the rerun.
 */
public final class FailureRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(FailureRecorder.class);

    private final Services services;

    public FailureRecorder(Services services) {
        this.services = services;
    }

    /** Returns the run as recorded, or empty if the attempt failed before its run existed. */
    public Optional<Run> record(FailureInput input) {
        AttemptInput attempt = input.attempt();
        Instant now = services.clock().instant();
        Optional<Run> found = services.runs().find(attempt.runId())
                .or(() -> createFailed(input, now));
        if (found.isEmpty()) {
            LOG.warn("run.failure.unrecorded runId={} executionId={} error={}", attempt.runId(),
                    input.executionId(), input.error().error());
            return Optional.empty();
        }

        Run failed = markFailed(found.get(), input.error(), now);

        // A run that ended well before a later task failed gets no rerun time: the rerun will
        // find it finished and only report it.
        boolean rerunDue = failed.status() == RunStatus.FAILED
                && attempt.attempt() < services.config().maxAttempts();
        Instant nextRerunAt = rerunDue ? now.plus(services.config().rerunInterval()) : null;
        Run recorded = services.runs().recordNextRerun(failed.id(), nextRerunAt);
        LOG.info("run.failed runId={} attempt={} reason={} nextRerunAt={}", recorded.id(),
                recorded.attempt(), failed.reason() == null ? null : failed.reason().code(),
                nextRerunAt);
        return Optional.of(recorded);
    }

    /**
     * The attempt failed in StartRun before its run existed: record it Failed when the request
     * names the job and the file; a scheduled request names no file until StartRun picks one.
     */
    private Optional<Run> createFailed(FailureInput input, Instant now) {
        RunRequest request = input.request();
        if (request == null || request.jobId() == null || request.source() == null) {
            return Optional.empty();
        }
        FailureReason reason = reasonFor("starting", input.error());
        return Optional.of(services.runs().create(FailedAttempts.of(input.attempt(),
                request.jobId(), request.source(), reason, now)).run());
    }

    private Run markFailed(Run run, TaskError error, Instant now) {
        if (run.status().isFinal()) {
            return run;
        }
        return services.runs().transition(run.id(), run.status(), RunStatus.FAILED, now,
                reasonFor(run.status().label(), error));
    }

    /**
     * A stable code and a message naming the step and the error: {@code TIMEOUT} for
     * {@code States.Timeout}, {@code TASK_CRASHED} for other errors Step Functions or Lambda
     * name, and for a Java exception its class name in upper snake case without "Exception"
     * ({@code DEPENDENCY_UNAVAILABLE}).
     */
    static FailureReason reasonFor(String during, TaskError error) {
        String name = error.error() == null ? "Unknown" : error.error();
        String code = codeFor(name);
        String detail = error.message().isBlank() ? defaultMessage(code) : error.message();
        String message = "Stopped while " + during + ": " + detail + " (error " + name + ")";
        return new FailureReason(code, message);
    }

    private static String codeFor(String errorName) {
        if (errorName.equals("States.Timeout")) {
            return "TIMEOUT";
        }
        if (errorName.startsWith("States.") || errorName.startsWith("Lambda.")) {
            return "TASK_CRASHED";
        }
        String simple = errorName.substring(errorName.lastIndexOf('.') + 1);
        if (simple.endsWith("Exception") && simple.length() > "Exception".length()) {
            simple = simple.substring(0, simple.length() - "Exception".length());
        }
        return simple.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private static String defaultMessage(String code) {
        return code.equals("TIMEOUT")
                ? "the task did not finish within its TimeoutSeconds"
                : "the task failed without a message";
    }
}
