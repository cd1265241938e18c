package dev.intake.notify;

import dev.intake.job.Job;
import dev.intake.port.Mailer.Email;
import dev.intake.port.ObjectStore;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import dev.intake.run.SourceObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The emails a run's status changes send. Each carries a dedup key naming the change, so that a
 * mailer can recognise an email it sent already.
 */
public final class RunEmails {

    private final ObjectStore objects;
    private final Duration linkValidity;

    public RunEmails(ObjectStore objects, Duration linkValidity) {
        this.objects = objects;
        this.linkValidity = linkValidity;
    }

    /** The key of the email that reports run {@code runId} entering {@code status}. */
    public static String statusKey(String runId, RunStatus status) {
        return "run/" + runId + "/" + status.label();
    }

    /** The key of the email that reports the halt of the chain of attempts {@code chainId}. */
    public static String haltKey(String chainId) {
        return "halt/" + chainId;
    }

    /** Reports one run entering its current status. */
    public Email statusChange(Job job, Run run) {
        EmailBody body = new EmailBody()
                .paragraph("Run " + run.id() + " of job " + job.id() + " is "
                        + spoken(run.status()) + ".")
                .fields(runFields(job, run));
        failedRecordsLink(run).ifPresent(url -> body.link("Failed records (CSV)", url));
        String subject = "[Intake] " + job.id() + ": " + spoken(run.status()) + ", "
                + run.source().key();
        return new Email(recipients(job), subject, body.text(),
                body.html(), statusKey(run.id(), run.status()));
    }

    /** Reports a halt: every attempt with its time and reason, and how to start again. */
    public Email halted(Job job, List<Run> attempts, String chainId) {
        Run last = attempts.get(attempts.size() - 1);
        EmailBody body = new EmailBody()
                .paragraph("Job " + job.id() + " is halted: the import of "
                        + where(last.source()) + " failed " + attempts.size()
                        + " times, so Intake stopped rerunning it and disabled the job's schedule.")
                .fields(List.of(
                        new String[] {"Job", job.id() + " (" + job.definition().name() + ")"},
                        new String[] {"File", where(last.source())},
                        new String[] {"Last run", last.id()}))
                .table(List.of("Attempt", "Run", "Failed at", "Reason"), attemptRows(attempts));
        lastFailedRecordsLink(attempts).ifPresentOrElse(
                url -> body.link("Failed records (CSV)", url),
                () -> body.paragraph("Failed records: none (no row had been rejected when the"
                        + " attempts failed)."));
        body.paragraph("Files that arrive while the job is halted are kept; reactivating the job"
                        + " re-enables its schedule and imports them in arrival order. Once the"
                        + " cause is fixed, reactivate it with:")
                .command("intake jobs reactivate " + job.id());
        String subject = "[Intake] " + job.id() + " halted after " + attempts.size()
                + " failed attempts: " + last.source().key();
        return new Email(recipients(job), subject, body.text(),
                body.html(), haltKey(chainId));
    }

    private List<String[]> runFields(Job job, Run run) {
        RunCounts counts = run.counts() == null ? RunCounts.NONE : run.counts();
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"Job", job.id() + " (" + job.definition().name() + ")"});
        fields.add(new String[] {"File", where(run.source())});
        fields.add(new String[] {"Run", run.id() + ", attempt " + run.attempt()});
        fields.add(new String[] {"Rows read", Long.toString(counts.read())});
        fields.add(new String[] {"Imported", Long.toString(counts.imported())});
        fields.add(new String[] {"Failed", counts.failed() + " (" + counts.failedPercent()
                + " %)"});
        fields.add(new String[] {"Duplicates", Long.toString(counts.duplicates())});
        fields.add(new String[] {"Reason", run.reason() == null ? null
                : run.reason().code() + ": " + run.reason().message()});
        return fields;
    }

    private static List<List<String>> attemptRows(List<Run> attempts) {
        return attempts.stream()
                .map(run -> List.of(Integer.toString(run.attempt()), run.id(), failedAt(run),
                        run.reason() == null ? "unknown"
                                : run.reason().code() + ": " + run.reason().message()))
                .toList();
    }

    private static String failedAt(Run run) {
        return run.history().stream()
                .filter(change -> change.status().equalsIgnoreCase(RunStatus.FAILED.label()))
                .map(change -> change.at().toString())
                .reduce((first, later) -> later)
                .orElse("unknown");
    }

    private Optional<String> lastFailedRecordsLink(List<Run> attempts) {
        for (int i = attempts.size() - 1; i >= 0; i--) {
            Optional<String> link = failedRecordsLink(attempts.get(i));
            if (link.isPresent()) {
                return link;
            }
        }
        return Optional.empty();
    }

    private Optional<String> failedRecordsLink(Run run) {
        if (run.failedRecordsKey() == null) {
            return Optional.empty();
        }
        return Optional.of(objects.downloadLink(run.source().bucket(), run.failedRecordsKey(),
                linkValidity).toString());
    }

    private static List<String> recipients(Job job) {
        var notify = job.definition().notifications();
        return notify == null ? List.of() : notify.emails();
    }

    private static String where(SourceObject source) {
        String version = source.version() != null ? " (version " + source.version() + ")" : "";
        return "s3://" + source.bucket() + "/" + source.key() + version;
    }

    private static String spoken(RunStatus status) {
        return status.label().replace('_', ' ');
    }
}
