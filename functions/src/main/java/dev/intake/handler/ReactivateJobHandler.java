package dev.intake.handler;

import dev.intake.workflow.JobReactivation;
import dev.intake.workflow.Services;

/**
 * ReactivateJob: a Paused or Halted job becomes Active, its schedule is enabled, and the files
 * that arrived meanwhile are imported in arrival order.
 */
public final class ReactivateJobHandler
        extends JsonHandler<ReactivateJobHandler.Input, JobReactivation.Result> {

    private final JobReactivation reactivation;

    /** Used by AWS Lambda: builds the services from the environment. */
    public ReactivateJobHandler() {
        this(Services.fromEnvironment());
    }

    /** Used by the local runtime and the tests. */
    public ReactivateJobHandler(Services services) {
        super(Input.class);
        this.reactivation = new JobReactivation(services);
    }

    @Override
    JobReactivation.Result handle(Input input) {
        return reactivation.reactivate(input.jobId());
    }

    public record Input(String jobId) {

        public Input {
            java.util.Objects.requireNonNull(jobId, "jobId");
        }
    }
}
