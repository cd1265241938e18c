package dev.intake.local.serve;

import dev.intake.arrival.ArrivalRouter;
import dev.intake.arrival.RunOutputs;
import dev.intake.arrival.ScheduledPickup;
import dev.intake.job.JobLifecycle;
import dev.intake.job.OneTimeCompletion;
import dev.intake.local.store.LocalJobSchedules;
import dev.intake.local.store.LocalServices;
import dev.intake.port.ObjectStore;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/** What a {@link LocalServer} works with; {@link #over} builds it from the local stores. */
public record ServeParts(
        Clock clock,
        ObjectStore objects,
        String bucket,
        RunOutputs outputs,
        Supplier<List<LocalJobSchedules.Entry>> storedSchedules,
        ArrivalRouter router,
        ScheduledPickup pickup,
        OneTimeCompletion completion,
        RunStarter starter) {

    public ServeParts {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(objects, "objects");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(outputs, "outputs");
        Objects.requireNonNull(storedSchedules, "storedSchedules");
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(pickup, "pickup");
        Objects.requireNonNull(completion, "completion");
        Objects.requireNonNull(starter, "starter");
    }

    /** The server's parts over one state directory's stores, starting runs with {@code starter}. */
    public static ServeParts over(LocalServices local, String bucket, Clock clock,
            RunStarter starter) {
        LocalPendingFiles pending = new LocalPendingFiles(local.pendingFiles());
        JobLifecycle lifecycle = new JobLifecycle(local.jobs(), local.schedules(), pending, clock);
        return new ServeParts(clock, local.objects(), bucket, RunOutputs.DEFAULT,
                local.schedules()::list,
                new ArrivalRouter(local.jobs(), pending, RunOutputs.DEFAULT, clock),
                new ScheduledPickup(local.jobs(), local.objects(), local.runs(), bucket,
                        RunOutputs.DEFAULT),
                new OneTimeCompletion(local.jobs(), lifecycle),
                starter);
    }
}
