package dev.intake.local.serve;

import dev.intake.local.store.LocalJobSchedules;
import dev.intake.port.JobSchedules.State;
import dev.intake.schedule.InProcessJobSchedules;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the in-process scheduler in step with the schedules stored in the state directory, which
 * the job lifecycle writes from any process ({@code intake jobs pause} in another terminal): a
 * new or changed enabled schedule is put, a disabled one is disabled, a deleted one is deleted.
 * A schedule put here counts its rate from that moment, as EventBridge Scheduler counts from
 * creation.
 */
final class ScheduleMirror {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleMirror.class);

    private final Supplier<List<LocalJobSchedules.Entry>> stored;
    private final InProcessJobSchedules scheduler;
    private final Map<String, State> mirrored = new HashMap<>();

    ScheduleMirror(Supplier<List<LocalJobSchedules.Entry>> stored,
            InProcessJobSchedules scheduler) {
        this.stored = Objects.requireNonNull(stored, "stored");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    void sync() {
        Map<String, State> now = new HashMap<>();
        for (LocalJobSchedules.Entry entry : stored.get()) {
            now.put(entry.jobId(), entry.state());
            apply(entry.jobId(), mirrored.get(entry.jobId()), entry.state());
        }
        for (String gone : mirrored.keySet()) {
            if (!now.containsKey(gone) && scheduler.find(gone).isPresent()) {
                scheduler.delete(gone);
            }
        }
        mirrored.clear();
        mirrored.putAll(now);
    }

    private void apply(String jobId, State before, State after) {
        if (after.equals(before)) {
            return;
        }
        boolean sameSchedule = before != null && before.schedule().equals(after.schedule());
        try {
            if (!after.enabled()) {
                disable(jobId);
            } else if (sameSchedule && scheduler.find(jobId).isPresent()) {
                scheduler.enable(jobId);
            } else {
                scheduler.put(jobId, after.schedule());
            }
        } catch (IllegalArgumentException refused) {
            // One job's schedule the scheduler refuses must not stop the others from running.
            LOG.warn("schedule.refused jobId={} reason=\"{}\"", jobId, refused.getMessage());
        }
    }

    private void disable(String jobId) {
        if (scheduler.find(jobId).filter(State::enabled).isPresent()) {
            scheduler.disable(jobId);
        }
    }
}
