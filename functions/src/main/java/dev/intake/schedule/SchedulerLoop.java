package dev.intake.schedule;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread around {@link InProcessJobSchedules} for {@code intake serve}: ticks it at a fixed
 * period on one daemon thread and hands each firing to the callback, which starts the run.
 *
 * <p>A callback that throws is logged and not retried, like a schedule whose retry policy allows
 * no retries: the run's own reruns are the workflow's business (five, 900 seconds apart), and
 * retrying here too would multiply them. Ticking once a second keeps a run within a second of its
 * due time, better than AWS's one minute.
 */
public final class SchedulerLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchedulerLoop.class);

    private final InProcessJobSchedules schedules;
    private final Consumer<Firing> startRun;
    private final Duration period;
    private final ScheduledExecutorService executor;

    public SchedulerLoop(
            InProcessJobSchedules schedules, Consumer<Firing> startRun, Duration period) {
        this.schedules = Objects.requireNonNull(schedules, "schedules");
        this.startRun = Objects.requireNonNull(startRun, "startRun");
        this.period = Objects.requireNonNull(period, "period");
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "intake-scheduler");
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start() {
        executor.scheduleAtFixedRate(this::tickOnce, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One tick: starts a run for every firing now due. The thread calls it; tests may too. */
    void tickOnce() {
        for (Firing firing : schedules.tick()) {
            try {
                startRun.accept(firing);
            } catch (RuntimeException failure) {
                // Handled here, not rethrown: a throw would stop every later tick of the executor.
                log.warn("scheduled run not started jobId={} dueAt={}", firing.jobId(),
                        firing.dueAt(), failure);
            }
        }
    }

    /** Stops ticking and waits up to five seconds for a tick in progress to end. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
