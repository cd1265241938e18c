package dev.intake.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The core of the in-process scheduler: which enabled jobs are due, with no thread and no clock
 * of its own. A caller ticks it with the time; each tick returns the firings that came due since
 * the last one.
 *
 * <p>Catch-up policy. EventBridge Scheduler with the flexible time window off invokes the target
 * once per due time. This runner does the same whatever the gaps between ticks: every due time
 * fires exactly once, in order, even if the process slept or a virtual clock jumped past several
 * (a laptop closed for an hour on {@code rate(1 minute)} fires sixty times on waking; each
 * firing carries its due time so the caller can tell). A tick never fires a due time twice, and a
 * clock that goes backwards fires nothing until it passes the last due time again. While a job
 * is disabled its due times pass unfired and are not caught up when it is enabled again, as on
 * AWS. Not thread-safe: one thread ticks it.
 */
public final class ScheduleRunner {

    private final Map<String, Entry> entries = new TreeMap<>();

    /** An enabled job and the next due time it has not yet fired, empty when it has no more. */
    private record Entry(ScheduledJob job, Optional<Instant> nextDue) {}

    /**
     * Starts firing a job at its due times from {@code since} on, a due time equal to
     * {@code since} included. Enabling a job again with the same schedule changes nothing, so
     * that no due time fires twice; with another schedule it starts over from {@code since}.
     */
    public void enable(ScheduledJob job, Instant since) {
        Objects.requireNonNull(since, "since");
        Entry current = entries.get(job.jobId());
        if (current == null || !current.job().equals(job)) {
            entries.put(job.jobId(), new Entry(job, job.nextAfter(since.minusNanos(1))));
        }
    }

    /** Stops firing the job; its due times pass unfired until it is enabled again. */
    public void disable(String jobId) {
        entries.remove(jobId);
    }

    public boolean isEnabled(String jobId) {
        return entries.containsKey(jobId);
    }

    /** When the job fires next, if it is enabled and has a due time left. */
    public Optional<Instant> nextDue(String jobId) {
        Entry entry = entries.get(jobId);
        return entry == null ? Optional.empty() : entry.nextDue();
    }

    /** The earliest due time of all enabled jobs: when a ticking thread should wake next. */
    public Optional<Instant> nextDue() {
        return entries.values().stream()
                .flatMap(entry -> entry.nextDue().stream())
                .min(Comparator.naturalOrder());
    }

    /** Every firing due at or before {@code now} not fired yet, by due time then job id. */
    public List<Firing> tick(Instant now) {
        List<Firing> firings = new ArrayList<>();
        for (Map.Entry<String, Entry> slot : entries.entrySet()) {
            slot.setValue(collectDue(slot.getValue(), now, firings));
        }
        firings.sort(Comparator.comparing(Firing::dueAt).thenComparing(Firing::jobId));
        return List.copyOf(firings);
    }

    private static Entry collectDue(Entry entry, Instant now, List<Firing> firings) {
        Optional<Instant> due = entry.nextDue();
        while (due.isPresent() && !due.get().isAfter(now)) {
            firings.add(new Firing(entry.job().jobId(), due.get()));
            due = entry.job().nextAfter(due.get());
        }
        return new Entry(entry.job(), due);
    }
}
