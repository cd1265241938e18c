package dev.intake.arrival;

import dev.intake.job.Job;
import dev.intake.port.PendingFiles;
import dev.intake.run.SourceObject;
import dev.intake.run.Trigger;
import dev.intake.workflow.JobResolver;
import dev.intake.workflow.RunNames;
import dev.intake.workflow.RunRequest;
import dev.intake.workflow.Services;
import dev.intake.workflow.WorkflowStarter;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one created object into at most one run (Arrival). The execution is named after the job
 * and the object version, so a second delivery of the same event starts nothing.
 */
public final class ArrivalService {

    private static final Logger LOG = LoggerFactory.getLogger(ArrivalService.class);

    private final Services services;
    private final JobResolver jobResolver;

    public ArrivalService(Services services) {
        this.services = services;
        this.jobResolver = new JobResolver(services.jobs());
    }

    public Arrival arrive(SourceObject source) {
        if (source.key().endsWith("/")) {
            return ignored(source, null, Arrival.Action.IGNORED,
                    "a folder marker, not a file");
        }
        if (services.config().isOutputKey(source.key())) {
            return ignored(source, null, Arrival.Action.IGNORED,
                    "an object Intake wrote itself (failed records or staging)");
        }
        Optional<Job> job = jobResolver.forKey(source.key());
        if (job.isEmpty()) {
            return ignored(source, null, Arrival.Action.IGNORED, "no job watches this key");
        }
        return switch (job.get().status()) {
            case ACTIVE -> start(job.get(), source);
            case PAUSED, HALTED -> keepPending(job.get(), source);
            default -> ignored(source, job.get().id(), Arrival.Action.IGNORED,
                    "job is " + job.get().status().label() + "; only an active job imports files");
        };
    }

    private Arrival start(Job job, SourceObject source) {
        String name = RunNames.uploadExecution(job.id(), source);
        WorkflowStarter.Start start = services.workflows().start(name,
                new RunRequest(Trigger.UPLOAD, job.id(), source, null));
        Arrival.Action action = start.started() ? Arrival.Action.STARTED
                : Arrival.Action.DUPLICATE;
        LOG.info("arrival.{} jobId={} executionName={}", action.name().toLowerCase(Locale.ROOT),
                job.id(), name);
        return new Arrival(source.key(), job.id(), action, name, start.executionId(), null);
    }

    private Arrival keepPending(Job job, SourceObject source) {
        services.pendingFiles().add(job.id(),
                new PendingFiles.PendingFile(source, services.clock().instant()));
        return ignored(source, job.id(), Arrival.Action.PENDING, "job is "
                + job.status().label() + "; the file is imported when the job is reactivated");
    }

    private static Arrival ignored(SourceObject source, String jobId, Arrival.Action action,
            String why) {
        LOG.info("arrival.{} jobId={} reason=\"{}\"", action.name().toLowerCase(Locale.ROOT),
                jobId, why);
        return new Arrival(source.key(), jobId, action, null, null, why);
    }

    /**
     * What became of one object.
     *
     * @param executionName the execution that imports it (new, or the existing one for a
     *                      duplicate delivery); null when nothing was started
     * @param reason        why nothing was started, otherwise null
     */
    public record Arrival(
            String key,
            String jobId,
            Action action,
            String executionName,
            String executionId,
            String reason) {

        public enum Action { STARTED, DUPLICATE, PENDING, IGNORED }
    }
}
