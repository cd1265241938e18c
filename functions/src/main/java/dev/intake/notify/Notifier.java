package dev.intake.notify;

import dev.intake.job.Job;
import dev.intake.job.JobDefinitionParser;
import dev.intake.port.Mailer;
import dev.intake.port.Mailer.Email;
import dev.intake.run.Run;
import dev.intake.run.RunStatus;
import dev.intake.workflow.Services;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the email for a run's current status (Notify) when the job asks for that status in
 * {@code notify.on}. A refused email is recorded on the run and does not fail the run.
 */
public final class Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final Services services;
    private final RunEmails emails;

    public Notifier(Services services) {
        this.services = services;
        this.emails = new RunEmails(services.objects(), services.config().linkValidity());
    }

    /** The id the mailer gave the email, or empty when none was due or it was refused. */
    public Optional<String> notifyStatus(String runId) {
        Run run = services.runs().find(runId).orElseThrow(() -> new IllegalArgumentException(
                "Run " + runId + " does not exist; Notify needs the id of a stored run"));
        Job job = services.jobs().find(run.jobId()).orElseThrow(() -> new IllegalStateException(
                "Run " + runId + " belongs to job " + run.jobId() + ", which does not exist"));

        if (!wants(job, run.status())) {
            return Optional.empty();
        }
        return send(run.id(), emails.statusChange(job, run));
    }

    /**
     * Sends {@code email} about run {@code runId}; a refusal is recorded on the run instead of
     * thrown. Other failures (throttling after the mailer's own retries) are thrown, so that the
     * task is retried: nothing was sent.
     */
    public Optional<String> send(String runId, Email email) {
        if (email.to().isEmpty()) {
            services.runs().recordNote(runId, "EMAIL_NOT_SENT", "No email was sent about "
                    + email.dedupKey() + ": the job lists no addresses in notify.emails",
                    services.clock().instant());
            return Optional.empty();
        }
        try {
            String id = services.mailer().send(email);
            LOG.info("email.sent runId={} dedupKey={} messageId={}", runId, email.dedupKey(), id);
            return Optional.of(id);
        } catch (Mailer.MailRefusedException e) {
            services.runs().recordNote(runId, "EMAIL_REFUSED", "The email about "
                    + email.dedupKey() + " was refused: " + e.getMessage()
                    + ". Verify the recipients with the mail service (SES sandbox) or change"
                    + " notify.emails", services.clock().instant());
            LOG.warn("email.refused runId={} dedupKey={}", runId, email.dedupKey());
            return Optional.empty();
        }
    }

    private static boolean wants(Job job, RunStatus status) {
        var notify = job.definition().notifications();
        List<String> on = notify == null || notify.on().isEmpty()
                ? JobDefinitionParser.DEFAULT_NOTIFY_ON : notify.on();
        return on.stream().anyMatch(label -> label.toLowerCase(Locale.ROOT)
                .replace(' ', '_').equals(status.label()));
    }
}
