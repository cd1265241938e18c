package dev.intake.arrival;

import dev.intake.job.Job;
import dev.intake.run.SourceObject;
import java.util.Objects;

/** What a schedule firing found under its job's prefix. Only {@link Import} starts a run. */
public sealed interface PickupDecision {

    String jobId();

    String message();

    /** The newest file has no run yet: start one for it. */
    record Import(Job job, SourceObject object) implements PickupDecision {

        public Import {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(object, "object");
        }

        @Override
        public String jobId() {
            return job.id();
        }

        @Override
        public String message() {
            return "job " + job.id() + ": the schedule imports " + object.key();
        }
    }

    /**
     * Nothing to import: the prefix holds no file, or its newest file has a run already.
     *
     * @param newestKey  the newest file under the prefix, or null when there is none
     * @param importedBy the run that took the newest file, or null
     */
    record NothingNew(String jobId, String newestKey, String importedBy, String message)
            implements PickupDecision {}

    /** The job is gone or not Active (paused between the firing and now): nothing starts. */
    record Skipped(String jobId, String message) implements PickupDecision {}
}
