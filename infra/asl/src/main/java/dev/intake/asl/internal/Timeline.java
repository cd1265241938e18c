package dev.intake.asl.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * The time of one branch of an execution. On a virtual clock each branch keeps its own cursor,
 * so waits cost nothing and parallel branches get repeatable timestamps; on a system clock it
 * reads the clock and sleeps. Every wait honours the execution's top-level timeout and aborts.
 */
final class Timeline {

    private static final Duration SLEEP_SLICE = Duration.ofMillis(50);

    private final Run run;
    private Instant cursor;

    Timeline(Run run, Instant start) {
        this.run = run;
        this.cursor = start;
    }

    Instant now() {
        return run.isVirtual() ? cursor : run.services().clock().now();
    }

    Timeline fork() {
        return new Timeline(run, now());
    }

    /** Moves this branch's time to {@code instant} if later (virtual clock only). */
    void advanceTo(Instant instant) {
        if (run.isVirtual() && instant.isAfter(cursor)) {
            cursor = instant;
        }
    }

    void sleep(Duration duration) {
        waitUntil(now().plus(duration));
    }

    /** Waits until {@code target}, or stops the execution at its deadline or on abort. */
    void waitUntil(Instant target) {
        Instant deadline = run.deadline();
        if (deadline != null && target.isAfter(deadline)) {
            pass(deadline);
            throw run.timedOut();
        }
        pass(target);
    }

    /** Throws when the execution was aborted or has run past its deadline. */
    void checkpoint() {
        run.checkAbort();
        Instant deadline = run.deadline();
        if (deadline != null && now().isAfter(deadline)) {
            throw run.timedOut();
        }
    }

    private void pass(Instant target) {
        run.checkAbort();
        if (run.isVirtual()) {
            advanceTo(target);
            return;
        }
        while (true) {
            Duration left = Duration.between(run.services().clock().now(), target);
            if (left.isNegative() || left.isZero()) {
                return;
            }
            sleepSlice(left.compareTo(SLEEP_SLICE) < 0 ? left : SLEEP_SLICE);
            run.checkAbort();
        }
    }

    private void sleepSlice(Duration slice) {
        try {
            Thread.sleep(slice.toMillis(), slice.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw run.interrupted();
        }
    }
}
