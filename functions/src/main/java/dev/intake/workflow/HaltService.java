package dev.intake.workflow;

import dev.intake.job.Job;
import dev.intake.job.JobStatus;
import dev.intake.notify.Notifier;
import dev.intake.notify.RunEmails;
import dev.intake.port.ConflictException;
import dev.intake.run.Run;
import dev.intake.run.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Halts a job whose run failed on every attempt (Halt): the job becomes Halted, its schedule is
 * disabled, one email lists every attempt, and the last attempt becomes Halted.
 *
 * <p>The run's move to Halted is written last, after the email: it is what marks the halt as
 * done. If the email cannot be sent for now (throttled), the task fails and is retried without
 * any email having been sent; once the run is Halted, a repeated call sends nothing.
 */
public final class HaltService {

    private static final Logger LOG = LoggerFactory.getLogger(HaltService.class);

    private final Services services;
    private final Notifier notifier;
    private final RunEmails emails;

    public HaltService(Services services) {
        this.services = services;
        this.notifier = new Notifier(services);
        this.emails = new RunEmails(services.objects(), services.config().linkValidity());
    }

    public HaltResult halt(HaltInput input) {
        List<Run> attempts = attempts(input);
        Run last = attempts.get(attempts.size() - 1);
        if (last.status() == RunStatus.HALTED) {
            return new HaltResult(last.id(), last.jobId(), attempts.size(), null, true);
        }

        last = markLastFailed(last, input.error());
        attempts.set(attempts.size() - 1, last);

        Job job = haltJob(last);

        new StagingCarryOver(services.objects()).discard(last.source().bucket(), last.id());

        Optional<String> emailId = notifier.send(last.id(),
                emails.halted(job, attempts, input.executionName()));

        services.runs().transition(last.id(), RunStatus.FAILED, RunStatus.HALTED,
                services.clock().instant(), last.reason());
        LOG.info("run.halted runId={} jobId={} attempts={}", last.id(), job.id(), attempts.size());
        return new HaltResult(last.id(), job.id(), attempts.size(), emailId.orElse(null), false);
    }

    /**
     * @param emailId        the mailer's id of the halt email; null if none was sent now
     * @param alreadyHalted  true when an earlier call did the halt
     */
    public record HaltResult(
            String runId, String jobId, int attempts, String emailId, boolean alreadyHalted) {}

    /** The chain's runs, oldest first; there is at least one. */
    private List<Run> attempts(HaltInput input) {
        List<Run> attempts = new ArrayList<>();
        for (int attempt = 1; attempt <= services.config().maxAttempts(); attempt++) {
            services.runs().find(RunNames.runId(input.executionName(), attempt))
                    .ifPresent(attempts::add);
        }
        if (attempts.isEmpty()) {
            throw new IllegalStateException("Execution " + input.executionName()
                    + " has no recorded run to halt; the last error was "
                    + describe(input.error()));
        }
        return attempts;
    }

    /** The failure recorder may not have reached the last attempt; record its error here. */
    private Run markLastFailed(Run last, TaskError error) {
        Run failed = last;
        if (!last.status().isFinal()) {
            failed = services.runs().transition(last.id(), last.status(), RunStatus.FAILED,
                    services.clock().instant(), FailureRecorder.reasonFor(last.status().label(), error));
        }
        if (failed.nextRerunAt() != null) {
            failed = services.runs().recordNextRerun(failed.id(), null);
        }
        return failed;
    }

    /** Halts the run's job unless it is no longer Active (paused meanwhile, or halted). */
    private Job haltJob(Run last) {
        Job job = services.jobs().find(last.jobId()).orElseThrow(() -> new IllegalStateException(
                "Run " + last.id() + " belongs to job " + last.jobId() + ", which does not exist"));
        if (job.status() != JobStatus.ACTIVE) {
            LOG.info("job.halt.skipped jobId={} status={}", job.id(), job.status().label());
            return job;
        }
        String reason = "the import of " + last.source().key() + " failed on all "
                + last.attempt() + " attempts";
        try {
            services.lifecycle().halt(job.id(), reason, "run " + last.id());
        } catch (ConflictException e) {
            JobStatus now = services.jobs().find(job.id()).map(Job::status).orElse(null);
            if (now != JobStatus.HALTED) {
                throw e;
            }
        }
        return job;
    }

    private static String describe(TaskError error) {
        return error == null ? "unknown" : error.error() + ": " + error.message();
    }
}
