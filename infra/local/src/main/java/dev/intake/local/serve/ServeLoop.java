package dev.intake.local.serve;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ticks a {@link LocalServer} at a fixed period on one thread and hands each tick that did
 * something to a listener (the command prints it). A tick that throws is logged and the next
 * tick goes on: one failing store call must not stop the scheduler for good.
 */
public final class ServeLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServeLoop.class);

    private final LocalServer server;
    private final Consumer<LocalServer.Tick> listener;
    private final Duration period;
    private final ScheduledExecutorService executor;

    public ServeLoop(LocalServer server, Consumer<LocalServer.Tick> listener, Duration period) {
        this.server = Objects.requireNonNull(server, "server");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.period = Objects.requireNonNull(period, "period");
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "intake-serve");
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start() {
        executor.scheduleWithFixedDelay(this::tickOnce, 0, period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void tickOnce() {
        try {
            LocalServer.Tick tick = server.tick();
            if (!tick.isEmpty()) {
                listener.accept(tick);
            }
        } catch (RuntimeException failure) {
            // Handled here, not rethrown: a throw would cancel every later tick.
            LOG.warn("serve.tick_failed reason=\"{}\"", failure.getMessage(), failure);
        }
    }

    /** Stops ticking and waits up to ten seconds for a run in progress to end. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
