package dev.intake.asl;

import java.time.Instant;

/**
 * Where an execution takes its time from and how it waits. A {@link VirtualClock} never sleeps:
 * waits, retry delays and timeouts move virtual time forward at once, so a workflow that waits
 * hours runs in milliseconds with exact timestamps. A {@link SystemClock} reads real time and
 * really sleeps.
 */
public sealed interface AslClock permits VirtualClock, SystemClock {

    /** The current instant; an execution's start time is read here. */
    Instant now();
}
