package dev.intake.asl;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** Real time: waits and retry delays sleep, timeouts are measured on the wall clock. */
public final class SystemClock implements AslClock {

    private final Clock clock;

    public SystemClock() {
        this(Clock.systemUTC());
    }

    public SystemClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Instant now() {
        return clock.instant();
    }
}
