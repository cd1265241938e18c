package dev.intake.arrival;

import dev.intake.job.Job;
import dev.intake.job.JobStatus;
import dev.intake.run.SourceObject;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ArrivalRouter} decided about one arrived object. Only {@link Import} starts a run;
 * every other decision keeps the object where it is and says why, so that nothing uploaded is
 * dropped without a word.
 */
public sealed interface ArrivalDecision {

    SourceObject object();

    /** One sentence a person can act on; for {@link Import}, what is about to happen. */
    String message();

    /** The job is Active: start a run for the object. */
    record Import(Job job, SourceObject object) implements ArrivalDecision {

        public Import {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(object, "object");
        }

        @Override
        public String message() {
            return "job " + job.id() + " is Active; " + object.key() + " is imported";
        }
    }

    /** The job is Draft, Sampling or Sampling failed: the file stays in the bucket, unused. */
    record KeptUntilActive(String jobId, JobStatus status, SourceObject object, String message)
            implements ArrivalDecision {}

    /** The job is Paused or Halted: the file is pending, imported when the job is reactivated. */
    record Pending(String jobId, JobStatus status, SourceObject object, String message)
            implements ArrivalDecision {}

    /** The job is Completed: a one-time job imports nothing more. */
    record JobCompleted(String jobId, SourceObject object, String message)
            implements ArrivalDecision {}

    /** No job's prefix holds the key. */
    record NoJob(SourceObject object, List<String> knownPrefixes, String message)
            implements ArrivalDecision {

        public NoJob {
            knownPrefixes = List.copyOf(knownPrefixes);
        }
    }

    /** Not a file to import: a folder marker, or an object a run wrote itself. */
    record Ignored(SourceObject object, Why why, String message) implements ArrivalDecision {}

    enum Why {
        /** A zero-byte key ending in "/", written by a console's "create folder". */
        FOLDER_MARKER,
        /** Failed records or staging objects: importing them would make a job trigger itself. */
        RUN_OUTPUT
    }
}
