package dev.intake.local.serve;

import dev.intake.arrival.ArrivalDecision;
import dev.intake.arrival.PickupDecision;
import dev.intake.local.serve.RunStarter.Started;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a serving process has done since it started; {@code intake serve} prints them when it
 * stops. "Nothing new" firings are counted here (and logged), not stored: they leave no run.
 */
public final class ServeCounts {

    private final AtomicLong arrivals = new AtomicLong();
    private final AtomicLong notImported = new AtomicLong();
    private final AtomicLong firings = new AtomicLong();
    private final AtomicLong nothingNew = new AtomicLong();
    private final AtomicLong runsStarted = new AtomicLong();

    void arrived(ArrivalDecision decision) {
        arrivals.incrementAndGet();
        if (!(decision instanceof ArrivalDecision.Import)) {
            notImported.incrementAndGet();
        }
    }

    void fired(PickupDecision decision) {
        firings.incrementAndGet();
        if (decision instanceof PickupDecision.NothingNew) {
            nothingNew.incrementAndGet();
        }
    }

    void started(Started started) {
        if (started.started()) {
            runsStarted.incrementAndGet();
        }
    }

    public long arrivals() {
        return arrivals.get();
    }

    /** Arrivals kept, pending, reported or ignored rather than imported. */
    public long notImported() {
        return notImported.get();
    }

    public long firings() {
        return firings.get();
    }

    public long nothingNew() {
        return nothingNew.get();
    }

    public long runsStarted() {
        return runsStarted.get();
    }

    @Override
    public String toString() {
        return "files arrived " + arrivals() + " (not imported " + notImported()
                + "), schedule firings " + firings() + " (nothing new " + nothingNew()
                + "), runs started " + runsStarted();
    }
}
