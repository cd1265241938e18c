package dev.intake.local.runtime;

import dev.intake.asl.AslClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The {@link Clock} the handlers and local stores read. While a task runs, it reads the time the
 * interpreter scheduled that task at, so that a rerun 900 virtual seconds later records its
 * statuses 900 seconds later; otherwise it reads the interpreter's clock.
 */
public final class InvocationClock extends Clock implements InProcessFunctions.TaskTime {

    private final AslClock interpreterClock;
    private final ThreadLocal<Instant> taskTime = new ThreadLocal<>();

    public InvocationClock(AslClock interpreterClock) {
        this.interpreterClock = interpreterClock;
    }

    /** Runs {@code work} with the time fixed at {@code scheduledAt} on this thread. */
    @Override
    public <T> T during(Instant scheduledAt, java.util.function.Supplier<T> work) {
        Instant previous = taskTime.get();
        taskTime.set(scheduledAt);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                taskTime.remove();
            } else {
                taskTime.set(previous);
            }
        }
    }

    @Override
    public Instant instant() {
        Instant fixed = taskTime.get();
        return fixed != null ? fixed : interpreterClock.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the local runtime's clock is always UTC");
    }
}
