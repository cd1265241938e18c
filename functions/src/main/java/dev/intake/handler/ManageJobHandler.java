package dev.intake.handler;

import dev.intake.workflow.JobManagement;
import dev.intake.workflow.Services;
import java.util.Objects;

/**
 * ManageJob: a person creates, updates, activates, pauses, reactivates or deletes a job.
 * A refused command fails the invocation under its exception's name: an invalid definition
 * lists every problem, an illegal move names the job, its status and what is allowed.
 */
public final class ManageJobHandler
        extends JsonHandler<ManageJobHandler.Input, JobManagement.Outcome> {

    private static final String BY = "ManageJob";

    private final JobManagement jobs;

    /** Used by AWS Lambda: builds the services from the environment. */
    public ManageJobHandler() {
        this(Services.fromEnvironment());
    }

    /** Used by the local runtime and the tests. */
    public ManageJobHandler(Services services) {
        super(Input.class);
        this.jobs = new JobManagement(services);
    }

    @Override
    JobManagement.Outcome handle(Input input) {
        return switch (input.action()) {
            case CREATE -> jobs.create(input.definition(), BY);
            case UPDATE -> jobs.update(input.definition(), BY);
            case ACTIVATE -> jobs.activate(input.jobId(), BY);
            case PAUSE -> jobs.pause(input.jobId(), BY);
            case REACTIVATE -> jobs.reactivate(input.jobId());
            case DELETE -> jobs.delete(input.jobId());
        };
    }

    public enum Action { CREATE, UPDATE, ACTIVATE, PAUSE, REACTIVATE, DELETE }

    /**
     * @param jobId      the job; for create and update the definition names it instead
     * @param definition the job definition as YAML or JSON text, for create and update
     */
    public record Input(Action action, String jobId, String definition) {

        public Input {
            Objects.requireNonNull(action, "action: one of create, update, activate, pause,"
                    + " reactivate, delete");
            boolean defines = action == Action.CREATE || action == Action.UPDATE;
            if (defines) {
                Objects.requireNonNull(definition, "definition: the job's YAML or JSON text, for "
                        + action.name().toLowerCase(java.util.Locale.ROOT));
            } else {
                Objects.requireNonNull(jobId, "jobId");
            }
        }
    }
}
