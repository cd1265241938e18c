package dev.intake.local.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The progress line of long work: each workflow step as it starts, with the seconds since the
 * command began. On a terminal every step is shown; otherwise (a log file, CI) only a step that
 * starts at least ten seconds after the last line shown, so that short commands print nothing.
 */
final class Progress implements Consumer<String> {

    static final long QUIET_INTERVAL_NANOS = 10_000_000_000L;

    private final PrintWriter err;
    private final boolean everyStep;
    private final LongSupplier nanoTime;
    private final long start;
    private long lastShown;

    Progress(PrintWriter err, boolean everyStep, LongSupplier nanoTime) {
        this.err = err;
        this.everyStep = everyStep;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
        this.lastShown = start;
    }

    @Override
    public void accept(String step) {
        long now = nanoTime.getAsLong();
        if (!everyStep && now - lastShown < QUIET_INTERVAL_NANOS) {
            return;
        }
        lastShown = now;
        err.printf("intake: %6.1f s  %s%n", (now - start) / 1e9, step);
        err.flush();
    }
}
