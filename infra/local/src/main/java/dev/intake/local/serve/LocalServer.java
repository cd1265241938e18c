package dev.intake.local.serve;

import dev.intake.arrival.ArrivalDecision;
import dev.intake.arrival.ArrivalRouter;
import dev.intake.arrival.PickupDecision;
import dev.intake.arrival.ScheduledPickup;
import dev.intake.job.OneTimeCompletion;
import dev.intake.local.serve.RunStarter.Started;
import dev.intake.run.Run;
import dev.intake.run.Trigger;
import dev.intake.schedule.Firing;
import dev.intake.schedule.InProcessJobSchedules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code intake serve} does, one tick at a time: mirror the stored schedules, hand the files
 * that appeared in the bucket folder to the arrival router, fire the schedules that are due, and
 * start a run for each import decided. No thread and no clock of its own: {@link ServeLoop}
 * ticks it on the real clock, tests tick it with a clock they move.
 */
public final class LocalServer {

    private static final String BY = "intake serve";

    private final ScheduleMirror mirror;
    private final InProcessJobSchedules scheduler;
    private final BucketWatcher watcher;
    private final ArrivalRouter router;
    private final ScheduledPickup pickup;
    private final OneTimeCompletion completion;
    private final RunStarter starter;
    private final ServeCounts counts = new ServeCounts();

    public LocalServer(ServeParts parts) {
        Objects.requireNonNull(parts, "parts");
        this.scheduler = new InProcessJobSchedules(parts.clock());
        this.mirror = new ScheduleMirror(parts.storedSchedules(), scheduler);
        this.watcher = new BucketWatcher(parts.objects(), parts.bucket(), parts.outputs());
        this.router = parts.router();
        this.pickup = parts.pickup();
        this.completion = parts.completion();
        this.starter = parts.starter();
    }

    /** One pass over everything that may have happened since the last. */
    public synchronized Tick tick() {
        mirror.sync();

        List<Arrival> arrivals = new ArrayList<>();
        watcher.poll().forEach(object -> arrivals.add(arrive(router.route(object))));

        List<ScheduledRun> firings = new ArrayList<>();
        scheduler.tick().forEach(firing -> firings.add(fire(firing)));

        return new Tick(arrivals, firings);
    }

    public ServeCounts counts() {
        return counts;
    }

    /** When the job's schedule fires next, if it has one enabled. */
    public Optional<java.time.Instant> nextRun(String jobId) {
        return scheduler.nextRun(jobId);
    }

    private Arrival arrive(ArrivalDecision decision) {
        counts.arrived(decision);
        if (decision instanceof ArrivalDecision.Import start) {
            Started started = starter.startRun(start.job(), start.object(), Trigger.UPLOAD);
            counts.started(started);
            return new Arrival(decision, started.attempts());
        }
        return new Arrival(decision, List.of());
    }

    private ScheduledRun fire(Firing firing) {
        PickupDecision decision = pickup.fire(firing.jobId());
        counts.fired(decision);
        List<Run> attempts = List.of();
        if (decision instanceof PickupDecision.Import start) {
            Started started = starter.startRun(start.job(), start.object(), Trigger.SCHEDULE);
            counts.started(started);
            attempts = started.attempts();
        }
        if (!(decision instanceof PickupDecision.Skipped)) {
            Optional<Run> last = attempts.isEmpty() ? Optional.empty()
                    : Optional.of(attempts.get(attempts.size() - 1));
            completion.afterScheduledFiring(firing.jobId(), last, BY);
        }
        return new ScheduledRun(firing, decision, attempts);
    }

    /** What one tick did. */
    public record Tick(List<Arrival> arrivals, List<ScheduledRun> firings) {

        public Tick {
            arrivals = List.copyOf(arrivals);
            firings = List.copyOf(firings);
        }

        public boolean isEmpty() {
            return arrivals.isEmpty() && firings.isEmpty();
        }
    }

    /** A file that appeared, what the router decided, and the attempts of its run if one ran. */
    public record Arrival(ArrivalDecision decision, List<Run> attempts) {

        public Arrival {
            attempts = List.copyOf(attempts);
        }
    }

    /** A schedule firing, what it found, and the attempts of its run if one ran. */
    public record ScheduledRun(Firing firing, PickupDecision decision, List<Run> attempts) {

        public ScheduledRun {
            attempts = List.copyOf(attempts);
        }
    }
}
