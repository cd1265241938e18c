package dev.intake.workflow;

import dev.intake.job.JobLifecycle;
import dev.intake.port.DestinationStore;
import dev.intake.port.JobSchedules;
import dev.intake.port.JobStore;
import dev.intake.port.Mailer;
import dev.intake.port.ObjectStore;
import dev.intake.port.PendingFiles;
import dev.intake.port.RunStore;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything the handlers and workflow services use from outside: the ports, the clock, the
 * settings and the fault switch. Built once per Lambda container on AWS (see
 * {@link ServicesFactory}) and once per process by the local runtime.
 */
public record Services(
        ObjectStore objects,
        JobStore jobs,
        RunStore runs,
        DestinationStore destinations,
        Mailer mailer,
        JobSchedules schedules,
        PendingFiles pendingFiles,
        WorkflowStarter workflows,
        Clock clock,
        WorkflowConfig config,
        FaultInjector faults) {

    public Services {
        Objects.requireNonNull(objects, "objects");
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(destinations, "destinations");
        Objects.requireNonNull(mailer, "mailer");
        Objects.requireNonNull(schedules, "schedules");
        Objects.requireNonNull(pendingFiles, "pendingFiles");
        Objects.requireNonNull(workflows, "workflows");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(faults, "faults");
    }

    /** These services with another fault switch. */
    public Services withFaults(FaultInjector value) {
        return new Services(objects, jobs, runs, destinations, mailer, schedules, pendingFiles,
                workflows, clock, config, value);
    }

    /** The job moves (halt, reactivate) over these services' stores and schedules. */
    public JobLifecycle lifecycle() {
        return new JobLifecycle(jobs, schedules, pendingFiles, clock);
    }

    /**
     * The services a handler built by AWS (through its no-arg constructor) uses: made by the
     * {@link ServicesFactory} named by {@link ServicesFactory#CLASS_VARIABLE}, or by
     * {@link ServicesFactory#DEFAULT_CLASS}.
     */
    public static Services fromEnvironment() {
        return ServicesFactory.load(System.getenv()).create(System.getenv());
    }
}
