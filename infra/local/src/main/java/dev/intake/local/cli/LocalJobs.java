package dev.intake.local.cli;

import dev.intake.job.JobLifecycle;
import dev.intake.local.runtime.LocalIntake;
import dev.intake.local.runtime.LocalRuntime;
import dev.intake.local.serve.LocalPendingFiles;
import dev.intake.local.store.LocalServices;
import java.time.Clock;

/**
 * The job lifecycle over the local stores of an opened runtime, for the commands that move jobs
 * through {@link JobLifecycle} ({@code jobs sample}, {@code jobs delete}).
 */
final class LocalJobs implements AutoCloseable {

    private final LocalRuntime runtime;
    private final JobLifecycle lifecycle;

    private LocalJobs(LocalRuntime runtime) {
        this.runtime = runtime;
        LocalServices local = runtime.services();
        this.lifecycle = new JobLifecycle(local.jobs(), local.schedules(),
                new LocalPendingFiles(local.pendingFiles()), runtime.clock());
    }

    /** Opens the runtime the way every command does; these commands need its stores. */
    static LocalJobs open(CliCommand command) {
        return new LocalJobs(runtimeOf(command.cli().open()));
    }

    /** The opened runtime as the local one, whose stores these commands and serve work on. */
    static LocalRuntime runtimeOf(LocalIntake intake) {
        if (intake instanceof LocalRuntime runtime) {
            return runtime;
        }
        intake.close();
        throw new IllegalStateException("this command works on the local runtime's stores, and "
                + "the CLI was built with another runtime (" + intake.getClass().getName() + ")");
    }

    LocalRuntime runtime() {
        return runtime;
    }

    LocalServices stores() {
        return runtime.services();
    }

    JobLifecycle lifecycle() {
        return lifecycle;
    }

    Clock clock() {
        return runtime.clock();
    }

    @Override
    public void close() {
        runtime.close();
    }
}
