package dev.intake.workflow;

import dev.intake.job.Job;
import dev.intake.job.JobDefinition;
import dev.intake.job.JobDefinitionParser;
import dev.intake.job.JobLifecycle;
import dev.intake.job.JobNotFoundException;
import java.util.List;
import java.util.Objects;

/**
 * The job commands a person runs on AWS (ManageJob): create and update from a definition's text,
 * activate, pause, reactivate and delete. Reactivation is {@link JobReactivation}'s, so that
 * ManageJob and ReactivateJob import pending files the same way.
 */
public final class JobManagement {

    private final Services services;
    private final JobLifecycle lifecycle;
    private final JobReactivation reactivation;
    private final JobDefinitionParser parser = new JobDefinitionParser();

    public JobManagement(Services services) {
        this.services = Objects.requireNonNull(services, "services");
        this.lifecycle = services.lifecycle();
        this.reactivation = new JobReactivation(services);
    }

    public Outcome create(String definitionText, String by) {
        JobDefinition definition = parser.parse(definitionText);

        return Outcome.of(lifecycle.create(definition, by));
    }

    public Outcome update(String definitionText, String by) {
        JobDefinition definition = parser.parse(definitionText);

        return Outcome.of(lifecycle.redefine(definition, by));
    }

    public Outcome activate(String jobId, String by) {
        return Outcome.of(lifecycle.activate(jobId, by));
    }

    public Outcome pause(String jobId, String by) {
        return Outcome.of(lifecycle.pause(jobId, by));
    }

    public Outcome reactivate(String jobId) {
        JobReactivation.Result result = reactivation.reactivate(jobId);

        Job job = services.jobs().find(jobId).orElseThrow(() -> new JobNotFoundException(jobId));
        return new Outcome(jobId, job, false, result.started());
    }

    public Outcome delete(String jobId) {
        lifecycle.delete(jobId);

        return new Outcome(jobId, null, true, List.of());
    }

    /**
     * @param job     the job after the command; null once deleted
     * @param started the runs reactivation started for the files that arrived while it was
     *                paused or halted, oldest first; empty for the other commands
     */
    public record Outcome(String jobId, Job job, boolean deleted,
            List<JobReactivation.Started> started) {

        public Outcome {
            Objects.requireNonNull(jobId, "jobId");
            started = List.copyOf(started);
        }

        static Outcome of(Job job) {
            return new Outcome(job.id(), job, false, List.of());
        }
    }
}
