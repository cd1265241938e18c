package dev.intake.port;

import dev.intake.run.SourceObject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Files that arrived while their job was Paused or Halted, kept until reactivation imports them:
 * a DynamoDB table on AWS, an SQLite table locally. Nothing uploaded is dropped: a file stays
 * listed until a run has been started for it.
 */
public interface PendingFiles {

    /** Records a file; recording the same object version again keeps one entry. */
    void add(String jobId, PendingFile file);

    /** The job's pending files, oldest arrival first. */
    List<PendingFile> list(String jobId);

    /** Forgets a file once a run has been started for it. */
    void remove(String jobId, SourceObject object);

    record PendingFile(SourceObject object, Instant arrivedAt) {

        public PendingFile {
            Objects.requireNonNull(object, "object");
            Objects.requireNonNull(arrivedAt, "arrivedAt");
        }
    }
}
