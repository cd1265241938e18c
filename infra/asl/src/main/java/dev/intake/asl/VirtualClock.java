package dev.intake.asl;

import java.time.Instant;
import java.util.Objects;

/**
 * Virtual time for deterministic runs. Every branch of an execution keeps its own cursor that
 * starts where its parent stood, so parallel branches and Map iterations get exact, repeatable
 * timestamps whatever threads run them. When an execution ends, this clock moves forward to the
 * execution's stop time, so a later execution on the same clock starts after it.
 */
public final class VirtualClock implements AslClock {

    private Instant now;

    public VirtualClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    /** Moves the clock forward to {@code instant}; an earlier instant leaves it where it is. */
    public synchronized void advanceTo(Instant instant) {
        if (instant.isAfter(now)) {
            now = instant;
        }
    }
}
