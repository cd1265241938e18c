package dev.intake.local.store;

import dev.intake.run.SourceObject;
import java.time.Instant;

/**
 * A file that arrived while its job was Paused or Halted, kept to be imported on reactivation.
 *
 * @param sequence arrival order across all jobs; {@link SqlitePendingFiles#remove} takes it
 */
public record PendingFile(long sequence, String jobId, SourceObject source, Instant arrivedAt) {}
