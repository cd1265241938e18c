package dev.intake.workflow;

import dev.intake.job.Reactivation;
import dev.intake.port.PendingFiles.PendingFile;
import dev.intake.run.Trigger;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reactivates a Paused or Halted job (ReactivateJob): the job becomes Active with its schedule
 * enabled, and a run starts for each file that arrived meanwhile, oldest first. Each file leaves
 * the pending list only once its execution has started, so a crash in between loses none; the
 * execution is named after the file version, so none starts twice.
 *
 * <p>SHORTCUT: the runs are started in arrival order but run side by side on AWS, so two pending
 * files that share record keys may land in either order. Ends when reactivation starts one
 * execution over the pending files that imports them one after the other (a Map state with
 * MaxConcurrency 1).
 */
public final class JobReactivation {

    private static final Logger LOG = LoggerFactory.getLogger(JobReactivation.class);

    private final Services services;

    public JobReactivation(Services services) {
        this.services = services;
    }

    public Result reactivate(String jobId) {
        Reactivation reactivation = services.lifecycle().reactivate(jobId, "a person");

        List<Started> started = reactivation.pending().stream()
                .map(file -> start(jobId, file))
                .toList();

        LOG.info("job.reactivated jobId={} pendingFiles={}", jobId, started.size());
        return new Result(jobId, reactivation.job().status().label(), started);
    }

    private Started start(String jobId, PendingFile file) {
        String name = RunNames.reactivationExecution(jobId, file.object());
        WorkflowStarter.Start start = services.workflows().start(name,
                new RunRequest(Trigger.REACTIVATION, jobId, file.object(), null));
        services.pendingFiles().remove(jobId, file.object());
        return new Started(file.object().key(), name, start.started());
    }

    /** The job after reactivation and the runs started for its pending files, in order. */
    public record Result(String jobId, String status, List<Started> started) {

        public Result {
            started = List.copyOf(started);
        }
    }

    /** @param started false when an execution for this file version existed already */
    public record Started(String key, String executionName, boolean started) {}
}
