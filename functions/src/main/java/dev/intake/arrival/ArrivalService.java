package dev.intake.arrival;

import dev.intake.job.Job;
import dev.intake.run.SourceObject;
import dev.intake.run.Trigger;
import dev.intake.workflow.RunNames;
import dev.intake.workflow.RunRequest;
import dev.intake.workflow.Services;
import dev.intake.workflow.WorkflowStarter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one created object into at most one run (Arrival). {@link ArrivalRouter} decides what
 * becomes of the object; this starts the run it decides on. The execution is named after the job
 * and the object version, so a second delivery of the same event starts nothing.
 */
public final class ArrivalService {

    private static final Logger LOG = LoggerFactory.getLogger(ArrivalService.class);

    private final Services services;
    private final ArrivalRouter router;

    public ArrivalService(Services services) {
        this.services = services;
        this.router = new ArrivalRouter(services.jobs(), services.pendingFiles(),
                new RunOutputs(services.config().outputPrefixes()), services.clock());
    }

    public Arrival arrive(SourceObject source) {
        ArrivalDecision decision = router.route(source);
        if (decision instanceof ArrivalDecision.Import load) {
            return start(load.job(), source);
        }
        Arrival.Action action = decision instanceof ArrivalDecision.Pending
                ? Arrival.Action.PENDING : Arrival.Action.IGNORED;
        return notStarted(source, jobIdOf(decision), action, decision.message());
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

    private static String jobIdOf(ArrivalDecision decision) {
        if (decision instanceof ArrivalDecision.KeptUntilActive d) {
            return d.jobId();
        }
        if (decision instanceof ArrivalDecision.Pending d) {
            return d.jobId();
        }
        if (decision instanceof ArrivalDecision.JobCompleted d) {
            return d.jobId();
        }
        return null;
    }

    private static Arrival notStarted(SourceObject source, String jobId, Arrival.Action action,
            String why) {
        LOG.info("arrival.{} jobId={} key={}", action.name().toLowerCase(Locale.ROOT), jobId,
                source.key());
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
