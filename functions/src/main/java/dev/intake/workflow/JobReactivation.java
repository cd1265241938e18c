package dev.intake.workflow;

import dev.intake.job.Job;
import dev.intake.job.JobStatus;
import dev.intake.port.ObjectStore.ObjectInfo;
import dev.intake.run.SourceObject;
import dev.intake.run.Trigger;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reactivates a Paused or Halted job (ReactivateJob): the job becomes Active, its schedule is
 * enabled again, and the files that arrived while it was stopped are imported in arrival order.
 *
 * <p>Pending files are the objects under the job's prefix that arrived after the job stopped and
 * have no run: they are found in the object store rather than kept in a list, so a file cannot be
 * forgotten by a list that was not written.
 * SHORTCUT: the imports are started in arrival order but run side by side; two pending files
 * with the same record keys may land in either order. Ends when reactivation waits for each
 * run before starting the next (a Step Functions Map over the pending keys with
 * MaxConcurrency 1).
 */
public final class JobReactivation {

    private static final Logger LOG = LoggerFactory.getLogger(JobReactivation.class);

    private final Services services;

    public JobReactivation(Services services) {
        this.services = services;
    }

    public Reactivation reactivate(String jobId) {
        Job job = services.jobs().find(jobId).orElseThrow(() -> new IllegalArgumentException(
                "Job " + jobId + " does not exist; list jobs with intake jobs list"));
        if (job.status() != JobStatus.PAUSED && job.status() != JobStatus.HALTED) {
            throw new IllegalArgumentException("Job " + jobId + " is " + job.status().label()
                    + "; only a paused or halted job can be reactivated");
        }

        List<SourceObject> pending = pendingFiles(job);

        services.jobs().transition(jobId, job.status(), JobStatus.ACTIVE,
                services.clock().instant(), "reactivated from " + job.status().label());

        if (services.schedules().find(jobId).isPresent()) {
            services.schedules().enable(jobId);
        }

        List<Started> started = pending.stream().map(source -> start(jobId, source)).toList();
        LOG.info("job.reactivated jobId={} pendingFiles={}", jobId, started.size());
        return new Reactivation(jobId, started);
    }

    private List<SourceObject> pendingFiles(Job job) {
        Instant stoppedAt = job.statusSince();
        return services.objects()
                .list(services.config().bucket(), job.definition().source().prefix()).stream()
                .filter(info -> !info.key().endsWith("/"))
                .filter(info -> !services.config().isOutputKey(info.key()))
                .filter(info -> !info.lastModified().isBefore(stoppedAt))
                .sorted(Comparator.comparing(ObjectInfo::lastModified)
                        .thenComparing(ObjectInfo::key))
                .map(info -> new SourceObject(info.bucket(), info.key(), info.version(),
                        info.etag(), info.size()))
                .filter(source -> services.runs().find(RunNames.runId(
                        RunNames.uploadExecution(job.id(), source), 1)).isEmpty())
                .toList();
    }

    private Started start(String jobId, SourceObject source) {
        String name = RunNames.uploadExecution(jobId, source);
        WorkflowStarter.Start start = services.workflows().start(name,
                new RunRequest(Trigger.REACTIVATION, jobId, source, null));
        return new Started(source.key(), name, start.started());
    }

    public record Reactivation(String jobId, List<Started> started) {

        public Reactivation {
            started = List.copyOf(started);
        }
    }

    public record Started(String key, String executionName, boolean started) {}
}
